import Link from "next/link";
import { secretHref } from "@/features/secrets/components/secret-hrefs";
import { ReadCountsTable } from "@/components/ui/read-counts-table";
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
        subject: (
          <Link
            href={secretHref(ns, read.secret)}
            className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
          >
            {read.secret}
          </Link>
        ),
        firstReadAt: read.firstReadAt,
        lastReadAt: read.lastReadAt,
        count: read.count,
      }))}
    />
  );
}
