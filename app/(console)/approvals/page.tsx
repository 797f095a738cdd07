import type { Metadata } from "next";
import { APPROVAL_TABS, type ApprovalTab } from "@/features/approvals/approval-hrefs";
import { ApprovalTabs } from "@/features/approvals/components/approval-tabs";
import { first, type SearchParams } from "@/features/console/load";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { requireActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Approvals" };

function readTab(value: string | undefined): ApprovalTab {
  return APPROVAL_TABS.find((tab) => tab === value) ?? "decide";
}

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const tab = readTab(first((await searchParams).tab));
  // Everyone may look: lib lists only what the caller requested or could decide.
  const [decide, mine, all] = await Promise.all([
    listApprovals(actor, { scope: "decide", status: "pending" }),
    listApprovals(actor, { scope: "mine" }),
    listApprovals(actor, { scope: "all" }),
  ]);
  return (
    <div className="space-y-6">
      <div className="max-w-2xl">
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          Actions a namespace&apos;s policy guards with the two-person rule: someone asks, with a reason; another member holding the same
          permission approves or denies. An approval is used once and expires.
        </p>
      </div>
      <ApprovalTabs initial={tab} lists={{ decide, mine, all }} />
    </div>
  );
}
