import { APPROVAL_ACTION_INFO } from "@/lib/approvals/approval-actions";
import { ApprovalRequestProvider } from "./approval-request-provider";

const LABELS = Object.fromEntries(Object.entries(APPROVAL_ACTION_INFO).map(([action, info]) => [action, info.label]));

/** Around the console's pages: the dialog any gated form opens to request an approval (its labels from lib's registry). */
export function ApprovalRequests({ children }: { children: React.ReactNode }) {
  return <ApprovalRequestProvider labels={LABELS}>{children}</ApprovalRequestProvider>;
}
