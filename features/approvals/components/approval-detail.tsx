import { ScrollText } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApprovalDto } from "@/packages/contracts/src/approvals/approval-dto";
import { approvalAuditHref, approvalsHref } from "../approval-hrefs";
import { ApprovalStatusBadge } from "./approval-status-badge";
import { ApprovalTimeline } from "./approval-timeline";
import { CancelRequestButton } from "./cancel-request-button";
import { DecideButtons } from "./decide-buttons";

const term = "text-zinc-500 dark:text-zinc-400";

function targetRows(request: ApprovalDto): [string, string][] {
  return Object.entries(request.target).map(([key, value]) => [key.charAt(0).toUpperCase() + key.slice(1), value]);
}

/**
 * One request: what, who and why, where it stands, and what the viewer may
 * do about it. Approve and Deny come only with canDecide, which lib never
 * sets for the requester; Cancel only for the requester.
 */
export function ApprovalDetail({ request, canAudit, ownRequest }: { request: ApprovalDto; canAudit: boolean; ownRequest: boolean }) {
  const actions = (
    <>
      {request.canDecide && !ownRequest ? (
        <DecideButtons id={request.id} summary={request.summary} requester={request.requester.email} />
      ) : null}
      {request.canCancel ? <CancelRequestButton id={request.id} /> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <PageHeader breadcrumb={{ href: approvalsHref(), label: "Approvals", here: request.id }} actions={actions}>
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{request.summary}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <ApprovalStatusBadge status={request.status} />
            <span>
              Requested by {request.requester.email} <RelativeTime iso={request.createdAt} />
            </span>
          </div>
        </div>
      </PageHeader>

      {ownRequest && request.status === "pending" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="own-request-note">
          This is your request: someone else who holds the permission has to decide it.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold">Request</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className={term}>Action</dt>
            <dd className="font-medium">{request.actionLabel}</dd>
            <dt className={term}>Namespace</dt>
            <dd className="font-mono">{request.namespace ?? "(the whole instance)"}</dd>
            {targetRows(request).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className={term}>{key}</dt>
                <dd className="break-all font-mono">{value}</dd>
              </div>
            ))}
            <dt className={term}>Requested by</dt>
            <dd className="break-all">{request.requester.email}</dd>
            <dt className={term}>Reason</dt>
            <dd className="whitespace-pre-wrap break-words" data-testid="approval-reason">
              {request.reason}
            </dd>
            <dt className={term}>{request.status === "pending" || request.status === "approved" ? "Expires" : "Expiry"}</dt>
            <dd>
              <RelativeTime iso={request.expiresAt} future />
            </dd>
          </dl>
          {canAudit ? (
            <Link
              href={approvalAuditHref(request.id)}
              className="inline-flex items-center gap-1.5 text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
            >
              <ScrollText aria-hidden className="size-4" />
              Audit trail of this request
            </Link>
          ) : null}
        </Card>
        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold">Timeline</h2>
          <ApprovalTimeline request={request} canAudit={canAudit} />
        </Card>
      </div>
    </div>
  );
}
