// Reverse lookup: which services this secret is bound to, and
// who read it — what `docker secret inspect` cannot tell you.
import { Bot, Link2, UserRound } from "lucide-react";
import { serviceHref, serviceHrefFromLabel } from "@/features/services/components/service-hrefs";
import { Badge } from "@/components/ui/badge";
import { BindingVersion } from "@/components/ui/binding-version";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ReadCountsTable } from "@/components/ui/read-counts-table";
import { RowLink } from "@/components/ui/row-link";
import { TableFrame } from "@/components/ui/table";
import type { BoundService, SecretReader } from "@/lib/secrets/secret-dto";

export function UsedByTable({ ns, name, services }: { ns: string; name: string; services: BoundService[] }) {
  if (!services.length) {
    return (
      <EmptyState icon={Link2} title="Not bound to any service">
        Bind it from a service&apos;s page; while it is bound it cannot be deleted.
      </EmptyState>
    );
  }
  return (
    <TableFrame>
      <DataTable
        caption={`Services bound to secret ${name}`}
        rows={services}
        rowKey={(bound) => `${bound.service}/${bound.target}`}
        rowProps={(bound) => ({ "data-testid": `used-by-${bound.service}` })}
        columns={[
          { header: "Service", cell: (bound) => <RowLink href={serviceHref(ns, bound.service)}>{bound.service}</RowLink> },
          {
            header: "Target",
            cell: (bound) => (
              <code className="font-mono text-xs" title={`/run/secrets/${bound.target}`}>
                {bound.target}
              </code>
            ),
          },
          {
            header: "Version",
            className: "whitespace-nowrap tabular-nums",
            cell: (bound) => <BindingVersion version={bound.version} pinned={bound.pinned} />,
          },
        ]}
      />
    </TableFrame>
  );
}

function Reader({ reader }: { reader: SecretReader }) {
  const service = reader.readerType === "service";
  const Icon = service ? Bot : UserRound;
  const href = service ? serviceHrefFromLabel(reader.readerLabel) : null;
  return (
    <span className="inline-flex items-center gap-2">
      <Icon aria-label={service ? "service" : "person"} role="img" className="size-4 shrink-0 text-zinc-400" />
      {href ? (
        <RowLink href={href}>{reader.readerLabel}</RowLink>
      ) : (
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{reader.readerLabel}</span>
      )}
    </span>
  );
}

export function ReadersTable({ name, reads }: { name: string; reads: SecretReader[] }) {
  if (!reads.length) {
    return (
      <EmptyState icon={Bot} title="Never read">
        Reads by services (through their agent) and by people with the reveal permission appear here, with first and last time.
      </EmptyState>
    );
  }
  return (
    <ReadCountsTable
      caption={`Who read secret ${name}`}
      subjectHeader="Reader"
      rows={reads.map((reader) => ({
        key: `${reader.readerType}:${reader.readerLabel}:${reader.firstReadAt}`,
        testId: `reader-${reader.readerLabel}`,
        subject: <Reader reader={reader} />,
        firstReadAt: reader.firstReadAt,
        lastReadAt: reader.lastReadAt,
        count: reader.count,
      }))}
    />
  );
}

/** Whether the secret counts as stale (not read in COFFER_STALE_DAYS), in words. */
export function ReadsNote({ lastReadAt, stale, staleDays }: { lastReadAt: string | null; stale: boolean; staleDays: number }) {
  const days = `${staleDays} ${staleDays === 1 ? "day" : "days"}`;
  const text = stale
    ? lastReadAt
      ? `Not read in the last ${days}.`
      : `Never read in the ${days} since it was created.`
    : lastReadAt
      ? "Every service and person that read its value."
      : `Never read yet; it counts as stale ${days} after creation.`;
  return (
    <p className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      {stale ? <StaleBadge staleDays={staleDays} /> : null}
      {text}
    </p>
  );
}

export function StaleBadge({ staleDays, lastReadAt, className }: { staleDays: number; lastReadAt?: string | null; className?: string }) {
  const read = lastReadAt === undefined ? "" : lastReadAt ? ` (last read ${lastReadAt.slice(0, 10)})` : " (never read)";
  return (
    <Badge tone="amber" className={className} title={`Not read in the last ${staleDays} days${read}`} data-testid="stale-badge">
      stale
    </Badge>
  );
}
