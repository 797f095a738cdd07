"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/audit/audit-event-dto";
import { EventDetail } from "./event-detail";
import { ActorLabel, dash, OutcomeBadge, resourceText } from "./event-parts";

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
        <Table>
          <caption className="sr-only">{caption}</caption>
          <THead>
            <tr>
              <Th>Time</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              {compact ? null : <Th>Resource</Th>}
              {compact ? null : <Th>Namespace</Th>}
              <Th>Outcome</Th>
              <Th>IP</Th>
            </tr>
          </THead>
          <TBody>
            {events.map((event) => (
              <Tr
                key={event.seq}
                data-testid={`audit-row-${event.seq}`}
                data-seq={event.seq}
                className="cursor-pointer"
                onClick={(click) => {
                  // Text being selected is a copy, not an open.
                  if (!window.getSelection()?.isCollapsed) return;
                  if ((click.target as HTMLElement).closest("button")) return;
                  setOpen(event);
                }}
              >
                <Td className="text-xs">
                  <RelativeTime iso={event.time} />
                </Td>
                <Td>
                  <div className="flex max-w-44">
                    <ActorLabel actor={event.actor} />
                  </div>
                </Td>
                <Td>
                  <button
                    type="button"
                    aria-haspopup="dialog"
                    onClick={() => setOpen(event)}
                    className="rounded font-mono text-xs font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                  >
                    {event.action}
                    <span className="sr-only"> (event #{event.seq}, show details)</span>
                  </button>
                </Td>
                {compact ? null : (
                  <Td data-testid="resource">
                    <span className="block max-w-44 truncate" title={resourceText(event.resource) ?? undefined}>
                      {resourceText(event.resource) ?? dash}
                    </span>
                  </Td>
                )}
                {compact ? null : (
                  <Td className="text-xs">
                    <span className="block max-w-24 truncate" title={event.namespace ?? undefined}>
                      {event.namespace ?? dash}
                    </span>
                  </Td>
                )}
                <Td>
                  <OutcomeBadge outcome={event.outcome} />
                </Td>
                <Td className="font-mono text-xs">{event.ip ?? dash}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableFrame>
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open ? `Event #${open.seq}` : "Event"} description={open?.action} size="lg">
        {open ? <EventDetail event={open} /> : null}
      </Dialog>
    </>
  );
}
