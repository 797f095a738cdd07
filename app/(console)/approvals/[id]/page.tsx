import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ApprovalDetail } from "@/features/approvals/components/approval-detail";
import { loadOrDeny, pageName } from "@/features/console/load";
import { getApproval } from "@/lib/approvals/list-approvals";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export const metadata: Metadata = { title: "Approval request" };

export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = pageName((await params).id);
  // A request the caller may not see is a 404, as the API answers.
  const [result, held] = await Promise.all([loadOrDeny(() => getApproval(actor, id)), heldPermissions(actor)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  return <ApprovalDetail request={result.value} canAudit={held.has("audit:read")} ownRequest={result.value.requester.id === actor.id} />;
}
