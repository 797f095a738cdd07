import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type ReadCountRow = { key: string; testId: string; subject: ReactNode; firstReadAt: string; lastReadAt: string; count: number };

/**
 * Reads, one row per pair of reader and secret: the first and last time and
 * how often. The secret page lists readers, the service page lists secrets;
 * `subject` is that first column.
 */
export function ReadCountsTable({ caption, subjectHeader, rows }: { caption: string; subjectHeader: string; rows: ReadCountRow[] }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <THead>
          <tr>
            <Th>{subjectHeader}</Th>
            <Th>First read</Th>
            <Th>Last read</Th>
            <Th className="text-right">Count</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr key={row.key} data-testid={row.testId}>
              <Td>{row.subject}</Td>
              <Td>
                <RelativeTime iso={row.firstReadAt} />
              </Td>
              <Td>
                <RelativeTime iso={row.lastReadAt} />
              </Td>
              <Td className="text-right tabular-nums" data-testid="count">
                {row.count}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
