import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";

export type ReadCountRow = { key: string; testId: string; subject: ReactNode; firstReadAt: string; lastReadAt: string; count: number };

/**
 * Reads, one row per pair of reader and secret: the first and last time and
 * how often. The secret page lists readers, the service page lists secrets;
 * `subject` is that first column.
 */
export function ReadCountsTable({ caption, subjectHeader, rows }: { caption: string; subjectHeader: string; rows: ReadCountRow[] }) {
  return (
    <TableFrame>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(row) => row.key}
        rowProps={(row) => ({ "data-testid": row.testId })}
        columns={[
          { header: subjectHeader, cell: (row) => row.subject },
          { header: "First read", cell: (row) => <RelativeTime iso={row.firstReadAt} /> },
          { header: "Last read", cell: (row) => <RelativeTime iso={row.lastReadAt} /> },
          { header: "Count", numeric: true, cellProps: () => ({ "data-testid": "count" }), cell: (row) => row.count },
        ]}
      />
    </TableFrame>
  );
}
