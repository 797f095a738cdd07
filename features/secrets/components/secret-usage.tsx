// Reverse lookup (DESIGN 5): which services this secret is bound to, and
// who read it — what `docker secret inspect` cannot tell you.
import { Bot, Link2, UserRound } from "lucide-react";
import Link from "next/link";
import { serviceHref, serviceHrefFromLabel } from "@/features/services/components/service-hrefs";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ReadCountsTable } from "@/components/ui/read-counts-table";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { BoundService, SecretReader } from "@/lib/secrets/secret-dto";

const link =
  "font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400";

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
      <Table>
        <caption className="sr-only">Services bound to secret {name}</caption>
        <THead>
          <tr>
            <Th>Service</Th>
            <Th>Target</Th>
            <Th>Version</Th>
          </tr>
        </THead>
        <TBody>
          {services.map((bound) => (
            <Tr key={`${bound.service}/${bound.target}`} data-testid={`used-by-${bound.service}`}>
              <Td>
                <Link href={serviceHref(ns, bound.service)} className={link}>
                  {bound.service}
                </Link>
              </Td>
              <Td>
                <code className="font-mono text-xs" title={`/run/secrets/${bound.target}`}>
                  {bound.target}
                </code>
              </Td>
              <Td className="whitespace-nowrap tabular-nums">
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{bound.version}</span>
                {bound.pinned ? (
                  <Badge tone="amber" className="ml-2" title="Pinned: rotations do not reach this service">
                    pinned
                  </Badge>
                ) : (
                  <span className="ml-2 text-xs text-zinc-400">current</span>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
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
        <Link href={href} className={link}>
          {reader.readerLabel}
        </Link>
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
