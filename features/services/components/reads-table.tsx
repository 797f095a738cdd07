import { secretHref } from "@/features/secrets/components/secret-hrefs";
import { ReadCountsTable } from "@/components/ui/read-counts-table";
import { RowLink } from "@/components/ui/row-link";
import type { ServiceRead } from "@/lib/services/service-dto";

/** Which secrets the service's agent read, first and last time, and how often. */
export function ReadsTable({ ns, service, reads }: { ns: string; service: string; reads: ServiceRead[] }) {
  return (
    <ReadCountsTable
      caption={`Secrets read by service ${service}`}
      subjectHeader="Secret"
      rows={reads.map((read) => ({
        key: `${read.secret}-${read.firstReadAt}`,
        testId: `read-row-${read.secret}`,
        subject: <RowLink href={secretHref(ns, read.secret)}>{read.secret}</RowLink>,
        firstReadAt: read.firstReadAt,
        lastReadAt: read.lastReadAt,
        count: read.count,
      }))}
    />
  );
}
