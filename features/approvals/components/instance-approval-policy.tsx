import { Badge } from "@/components/ui/badge";
import { getApprovalPolicy } from "@/lib/approvals/approval-policy";
import type { Actor } from "@/lib/auth/actor";
import { ApprovalPolicyButton } from "./approval-policy-button";
import { minutesText, policyChoices } from "./approval-policies-section";

/** Settings → Encryption: whether starting a re-wrap (the step before removing a key) needs a second person. */
export async function InstanceApprovalPolicy({ actor }: { actor: Actor }) {
  const policy = await getApprovalPolicy(actor, null);
  const gated = policy.actions.length > 0;
  return (
    <div className="flex flex-wrap items-start justify-between gap-4" data-testid="instance-approval-policy">
      <div className="max-w-xl space-y-1 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          Two-person rule for re-wrapping
          {gated ? <Badge tone="amber">Needs approval</Badge> : <Badge>Off</Badge>}
        </p>
        <p className="text-zinc-500 dark:text-zinc-400">
          {gated
            ? `Starting a re-wrap waits for another member holding key:manage to approve a request; the approval is usable for ${minutesText(policy.approvalMinutes)}, once.`
            : "Anyone holding key:manage may start a re-wrap alone. Turn the rule on to ask a second person first."}
        </p>
      </div>
      <ApprovalPolicyButton ns={null} choices={policyChoices(false)} actions={policy.actions} approvalMinutes={policy.approvalMinutes} />
    </div>
  );
}
