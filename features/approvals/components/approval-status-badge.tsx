import { Badge } from "@/components/ui/badge";
import type { ApprovalDto } from "@/packages/contracts/src/approvals/approval-dto";

const LOOK: Record<ApprovalDto["status"], { tone: "neutral" | "indigo" | "amber" | "green"; label: string }> = {
  pending: { tone: "amber", label: "Waiting for a decision" },
  approved: { tone: "green", label: "Approved" },
  denied: { tone: "neutral", label: "Denied" },
  cancelled: { tone: "neutral", label: "Cancelled" },
  used: { tone: "indigo", label: "Used" },
  expired: { tone: "neutral", label: "Expired" },
};

export function ApprovalStatusBadge({ status }: { status: ApprovalDto["status"] }) {
  const { tone, label } = LOOK[status];
  return (
    <Badge tone={tone} data-testid="approval-status">
      {label}
    </Badge>
  );
}
