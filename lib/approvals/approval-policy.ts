import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited, auditedRead } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { BadRequest, Forbidden } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize, effectivePermissions } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import type { ApprovalPolicyDto } from "../../packages/contracts/src/approvals/approval-dto";
import {
  APPROVAL_ACTIONS,
  INSTANCE_APPROVAL_ACTIONS,
  NAMESPACED_APPROVAL_ACTIONS,
  isApprovalAction,
  type ApprovalAction,
} from "./approval-actions";

export const INSTANCE_POLICY_ID = "apol_instance";
export const DEFAULT_APPROVAL_MINUTES = 60;

export const approvalPolicySchema = z.strictObject({
  actions: z.array(z.enum(APPROVAL_ACTIONS)).max(APPROVAL_ACTIONS.length),
  approvalMinutes: z.number().int().min(5).max(1440).default(DEFAULT_APPROVAL_MINUTES),
});
export type ApprovalPolicyInput = z.input<typeof approvalPolicySchema>;

type PolicyRow = { actions: string[]; approvalMinutes: number; updatedAt: Date; updatedById: string | null };

/** The policy row of a namespace (null: the instance), or null when none was ever set. */
export async function findPolicy(tx: Tx, namespace: string | null): Promise<PolicyRow | null> {
  const select = { actions: true, approvalMinutes: true, updatedAt: true, updatedById: true } as const;
  return namespace === null
    ? tx.approvalPolicy.findUnique({ where: { id: INSTANCE_POLICY_ID }, select })
    : tx.approvalPolicy.findFirst({ where: { namespace: { name: namespace } }, select });
}

export function policyActions(row: PolicyRow | null): ApprovalAction[] {
  return (row?.actions ?? []).filter(isApprovalAction);
}

async function toPolicyDto(tx: Tx, namespace: string | null, row: PolicyRow | null): Promise<ApprovalPolicyDto> {
  const by = row?.updatedById ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { id: true, email: true } }) : null;
  return {
    namespace,
    actions: policyActions(row),
    approvalMinutes: row?.approvalMinutes ?? DEFAULT_APPROVAL_MINUTES,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: by,
  };
}

/** A namespace's policy (anyone with a role there may read it), or the instance's (null) for anyone with a global grant. */
export async function getApprovalPolicy(actor: Actor, namespace: string | null): Promise<ApprovalPolicyDto> {
  return auditedRead(actor, "approval.policy_read", async (tx) => {
    if (namespace !== null) await findNamespaceOrThrow(tx, namespace);
    if (!(await effectivePermissions(tx, actor, namespace)).size)
      throw new Forbidden(
        namespace === null
          ? "a global role is required to read the instance approval policy"
          : `a role in namespace ${namespace} is required to read its approval policy`,
      );
    return toPolicyDto(tx, namespace, await findPolicy(tx, namespace));
  });
}

/**
 * Sets which actions need a second person. A namespace's policy takes
 * namespace:manage there and lists namespaced actions only; the instance's
 * takes key:manage and lists key.rewrap_start only.
 */
export async function setApprovalPolicy(actor: Actor, namespace: string | null, input: unknown): Promise<ApprovalPolicyDto> {
  const spec = parseInput(approvalPolicySchema, input);
  const allowed: readonly ApprovalAction[] = namespace === null ? INSTANCE_APPROVAL_ACTIONS : NAMESPACED_APPROVAL_ACTIONS;
  const stray = spec.actions.find((a) => !allowed.includes(a));
  if (stray)
    throw new BadRequest(
      namespace === null
        ? `actions: ${stray} is set per namespace, not for the instance`
        : `actions: ${stray} is an instance action: set it in the instance policy`,
      { field: "actions" },
    );
  const actions = [...new Set(spec.actions)].sort();
  return audited(actor, "approval.policy_update", async (tx) => {
    await authorize(tx, actor, namespace === null ? "key:manage" : "namespace:manage", namespace);
    const ns = namespace === null ? null : await findNamespaceOrThrow(tx, namespace);
    const before = await findPolicy(tx, namespace);
    const data = { actions, approvalMinutes: spec.approvalMinutes, updatedAt: new Date(), updatedById: actor.id };
    await tx.approvalPolicy.upsert({
      where: ns ? { namespaceId: ns.id } : { id: INSTANCE_POLICY_ID },
      create: { id: ns ? `apol_${ns.id}` : INSTANCE_POLICY_ID, namespaceId: ns?.id ?? null, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "approval.policy_update",
      resource: { type: "approval_policy", id: ns?.id ?? INSTANCE_POLICY_ID, name: namespace ?? "instance" },
      namespace,
      details: {
        actions,
        approvalMinutes: spec.approvalMinutes,
        before: before ? { actions: policyActions(before), approvalMinutes: before.approvalMinutes } : null,
      },
    });
    return toPolicyDto(tx, namespace, await findPolicy(tx, namespace));
  });
}
