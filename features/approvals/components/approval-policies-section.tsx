import { Stamp } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable, noValue } from "@/components/ui/data-table";
import { TableFrame } from "@/components/ui/table";
import { getApprovalPolicy } from "@/lib/approvals/approval-policy";
import {
  APPROVAL_ACTION_INFO,
  INSTANCE_APPROVAL_ACTIONS,
  NAMESPACED_APPROVAL_ACTIONS,
  type ApprovalAction,
} from "@/lib/approvals/approval-actions";
import type { Actor } from "@/lib/auth/actor";
import { ApprovalPolicyButton } from "./approval-policy-button";
import type { PolicyChoice } from "./approval-policy-form";

type Row = { ns: string; actions: string[]; approvalMinutes: number };

export function policyChoices(namespaced: boolean): PolicyChoice[] {
  return (namespaced ? NAMESPACED_APPROVAL_ACTIONS : INSTANCE_APPROVAL_ACTIONS).map((action) => ({
    action,
    label: APPROVAL_ACTION_INFO[action].label,
  }));
}

export function minutesText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

function Needs({ actions }: { actions: string[] }) {
  if (!actions.length) return <span className="text-zinc-500 dark:text-zinc-400">Nothing: one person may act alone</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {actions.map((action) => (
        <Badge key={action} tone="amber">
          {APPROVAL_ACTION_INFO[action as ApprovalAction]?.label ?? action}
        </Badge>
      ))}
    </span>
  );
}

/** Team → Namespaces: each namespace's approval policy, editable by whoever manages namespaces. */
export async function ApprovalPoliciesSection({
  actor,
  namespaces,
  canManage,
}: {
  actor: Actor;
  namespaces: string[];
  canManage: boolean;
}) {
  const rows: Row[] = await Promise.all(
    namespaces.map(async (ns) => {
      const policy = await getApprovalPolicy(actor, ns);
      return { ns, actions: policy.actions, approvalMinutes: policy.approvalMinutes };
    }),
  );
  const choices = policyChoices(true);
  return (
    <section aria-labelledby="approval-policies-heading" className="space-y-3">
      <div>
        <h2 id="approval-policies-heading" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <Stamp aria-hidden className="size-5 text-zinc-400" />
          Approval policies
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          The two-person rule: an action listed here is refused until another member who holds the same permission approves a request for
          it, with a reason. An approval is used once.
        </p>
      </div>
      <TableFrame>
        <DataTable
          caption="Approval policy of each namespace"
          rows={rows}
          rowKey={(row) => row.ns}
          rowProps={(row) => ({ "data-testid": `approval-policy-${row.ns}` })}
          columns={[
            { header: "Namespace", rowHeader: true, cell: (row) => <span className="font-mono font-medium">{row.ns}</span> },
            { header: "Needs a second person", cell: (row) => <Needs actions={row.actions} /> },
            { header: "Approval usable for", cell: (row) => (row.actions.length ? minutesText(row.approvalMinutes) : noValue) },
            canManage &&
              actionsColumn((row: Row) => (
                <ApprovalPolicyButton ns={row.ns} choices={choices} actions={row.actions} approvalMinutes={row.approvalMinutes} />
              )),
          ]}
        />
      </TableFrame>
    </section>
  );
}
