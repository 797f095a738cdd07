"use client";

import { Fragment, useState } from "react";
import { DataTable, noValue } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/audit/audit-event-dto";
import { EventDetail } from "./event-detail";
import { ActorLabel, OutcomeBadge, resourceText } from "./event-parts";

/**
 * "member.password_reset_issue" may wrap after a dot or an underscore: at
 * 1280 px the long action names pushed the table past its card (issue 17).
 */
function BreakableAction({ action }: { action: string }) {
  return action.split(/(?<=[._])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

type Props = {
  events: AuditEventDto[];
  caption: string;
  /** For one object's history: its resource and namespace go without saying. */
  compact?: boolean;
};

/**
 * Audit events, newest first. A row opens the event's every field in a
 * dialog: the action is the row's button, so the keyboard reaches it too.
 */
export function AuditTable({ events, caption, compact = false }: Props) {
  const [open, setOpen] = useState<AuditEventDto | null>(null);
  return (
    <>
      <TableFrame>
        <DataTable
          caption={caption}
          rows={events}
          rowKey={(event) => event.seq}
          rowProps={(event) => ({
            "data-testid": `audit-row-${event.seq}`,
            "data-seq": event.seq,
            className: "cursor-pointer",
            onClick: (click) => {
              // Text being selected is a copy, not an open.
              if (!window.getSelection()?.isCollapsed) return;
              if ((click.target as HTMLElement).closest("button")) return;
              setOpen(event);
            },
          })}
          columns={[
            { header: "Time", className: "text-xs", cell: (event) => <RelativeTime iso={event.time} /> },
            {
              header: "Actor",
              cell: (event) => (
                <div className="flex max-w-40">
                  <ActorLabel actor={event.actor} />
                </div>
              ),
            },
            {
              header: "Action",
              cell: (event) => (
                <button
                  type="button"
                  aria-haspopup="dialog"
                  onClick={() => setOpen(event)}
                  className="rounded text-left font-mono text-xs font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  <BreakableAction action={event.action} />
                  <span className="sr-only"> (event #{event.seq}, show details)</span>
                </button>
              ),
            },
            !compact && {
              header: "Resource",
              cellProps: () => ({ "data-testid": "resource" }),
              cell: (event) => (
                <span className="block max-w-40 truncate" title={resourceText(event.resource) ?? undefined}>
                  {resourceText(event.resource) ?? noValue}
                </span>
              ),
            },
            !compact && {
              header: "Namespace",
              className: "text-xs",
              cell: (event) => (
                <span className="block max-w-24 truncate" title={event.namespace ?? undefined}>
                  {event.namespace ?? noValue}
                </span>
              ),
            },
            { header: "Outcome", cell: (event) => <OutcomeBadge outcome={event.outcome} /> },
            {
              header: "IP",
              className: "font-mono text-xs",
              // An IPv6 address is up to 39 characters.
              cell: (event) => (
                <span className="block max-w-28 truncate" title={event.ip ?? undefined}>
                  {event.ip ?? noValue}
                </span>
              ),
            },
          ]}
        />
      </TableFrame>
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? `Event #${open.seq}` : "Event"}
        description={open?.action}
        size="lg"
      >
        {open ? <EventDetail event={open} /> : null}
      </Dialog>
    </>
  );
}
