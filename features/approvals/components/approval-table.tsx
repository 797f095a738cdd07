import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { ApprovalDto } from "@/packages/contracts/src/approvals/approval-dto";
import { approvalHref } from "../approval-hrefs";
import { ApprovalStatusBadge } from "./approval-status-badge";

/** Requests newest first: what, who, why, where it stands. */
export function ApprovalTable({ caption, requests }: { caption: string; requests: ApprovalDto[] }) {
  return (
    <TableFrame>
      <DataTable
        caption={caption}
        rows={requests}
        rowKey={(request) => request.id}
        rowProps={(request) => ({ "data-testid": `approval-row-${request.id}` })}
        columns={[
          {
            header: "Request",
            rowHeader: true,
            cell: (request) => (
              <Link
                href={approvalHref(request.id)}
                className="font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
              >
                {request.summary}
              </Link>
            ),
          },
          { header: "Requested by", cell: (request) => <span className="break-all">{request.requester.email}</span> },
          {
            header: "Reason",
            cell: (request) => (
              <span className="line-clamp-2 max-w-xs text-zinc-600 dark:text-zinc-400" title={request.reason}>
                {request.reason}
              </span>
            ),
          },
          { header: "Status", cell: (request) => <ApprovalStatusBadge status={request.status} /> },
          { header: "Requested", cell: (request) => <RelativeTime iso={request.createdAt} /> },
        ]}
      />
    </TableFrame>
  );
}
