import Link from "next/link";
import { secretHref } from "@/components/secrets/secret-hrefs";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServiceRead } from "@/lib/services/service-dto";

/** Which secrets the service's agent read, first and last time, and how often. */
export function ReadsTable({ ns, service, reads }: { ns: string; service: string; reads: ServiceRead[] }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Secrets read by service {service}</caption>
        <THead>
          <tr>
            <Th>Secret</Th>
            <Th>First read</Th>
            <Th>Last read</Th>
            <Th className="text-right">Count</Th>
          </tr>
        </THead>
        <TBody>
          {reads.map((read) => (
            <Tr key={`${read.secret}-${read.firstReadAt}`} data-testid={`read-row-${read.secret}`}>
              <Td>
                <Link
                  href={secretHref(ns, read.secret)}
                  className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  {read.secret}
                </Link>
              </Td>
              <Td>
                <RelativeTime iso={read.firstReadAt} />
              </Td>
              <Td>
                <RelativeTime iso={read.lastReadAt} />
              </Td>
              <Td className="text-right tabular-nums" data-testid="count">
                {read.count}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
