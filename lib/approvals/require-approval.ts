import "server-only";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { ApprovalRequired, Forbidden } from "../errors";
import { APPROVAL_ACTION_INFO, canonicalTarget, sameTarget, type ApprovalAction } from "./approval-actions";
import { effectiveStatus, rowTarget } from "./approval-dto";
import { findPolicy, policyActions } from "./approval-policy";

export type ApprovalGate = { action: ApprovalAction; namespace: string | null; target: Record<string, string> };

/**
 * The two-person rule's gate (issue 16 §3), called by each gated action
 * right after its authorize(), in the action's transaction. Returns the id
 * of the approval it used up (the caller puts it in its audit details), or
 * null when the policy does not list the action or the actor is not a
 * person. The approval is marked used in the same transaction, so it is
 * spent only if the action commits, and two concurrent uses cannot both
 * get it: the conditional update takes the row lock and the loser re-reads
 * `used`.
 */
export async function requireApproval(tx: Tx, actor: Actor, gate: ApprovalGate): Promise<string | null> {
  if (actor.type !== "user") return null;
  if (!policyActions(await findPolicy(tx, gate.namespace)).includes(gate.action)) return null;
  const named = actor.context.approvalId;
  const id = named ? await checkNamed(tx, actor.id, named, gate) : await findApproved(tx, actor.id, gate);
  if (!id) throw approvalRequired(gate);
  const now = new Date();
  const taken = await tx.approvalRequest.updateMany({
    where: { id, status: "approved", expiresAt: { gt: now } },
    data: { status: "used", usedAt: now },
  });
  if (taken.count === 1) return id;
  if (named) throw new Forbidden(`approval ${id} has already been used`);
  throw approvalRequired(gate);
}

export function approvalRequired(gate: ApprovalGate): ApprovalRequired {
  const where = gate.namespace === null ? "on this instance" : `in ${gate.namespace}`;
  return new ApprovalRequired(
    `${APPROVAL_ACTION_INFO[gate.action].label} ${where} needs a second person's approval: request it with a reason, then repeat the action`,
    { action: gate.action, namespace: gate.namespace, target: canonicalTarget(gate.target) },
  );
}

/** The oldest approved, unexpired, unused request of this person for exactly this action and target. */
async function findApproved(tx: Tx, userId: string, gate: ApprovalGate): Promise<string | null> {
  const rows = await tx.approvalRequest.findMany({
    where: {
      requesterId: userId,
      action: gate.action,
      status: "approved",
      expiresAt: { gt: new Date() },
      namespaceName: gate.namespace,
      ...(gate.namespace === null ? { namespaceId: null } : { namespaceId: { not: null } }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, target: true },
    take: 50,
  });
  return rows.find((row) => sameTarget(rowTarget(row), gate.target))?.id ?? null;
}

const TARGET_WORDS: Record<string, string> = { secret: "secret", service: "service", name: "integration", kind: "kind of integration" };

/** An approval named by X-Coffer-Approval must fit exactly; each misfit is refused with its reason. */
async function checkNamed(tx: Tx, userId: string, id: string, gate: ApprovalGate): Promise<string> {
  const row = await tx.approvalRequest.findUnique({
    where: { id },
    select: { requesterId: true, action: true, namespaceName: true, namespaceId: true, target: true, status: true, expiresAt: true },
  });
  if (!row) throw new Forbidden(`approval ${id} does not exist`);
  if (row.requesterId !== userId) throw new Forbidden(`approval ${id} is not yours`);
  if (row.action !== gate.action) throw new Forbidden(`approval ${id} was for another action (${row.action})`);
  if (row.namespaceName !== gate.namespace || (row.namespaceId === null) !== (gate.namespace === null))
    throw new Forbidden(`approval ${id} was for another namespace`);
  const target = rowTarget(row);
  if (!sameTarget(target, gate.target)) {
    const field = Object.keys(gate.target).find((k) => target[k] !== gate.target[k]) ?? "";
    throw new Forbidden(`approval ${id} was for another ${TARGET_WORDS[field] ?? "target"}`);
  }
  const status = effectiveStatus(row);
  if (status === "expired") throw new Forbidden(`approval ${id} has expired`);
  if (status === "pending") throw new Forbidden(`approval ${id} has not been approved yet`);
  if (status === "denied") throw new Forbidden(`approval ${id} was denied`);
  if (status === "cancelled") throw new Forbidden(`approval ${id} was cancelled`);
  if (status === "used") throw new Forbidden(`approval ${id} has already been used`);
  return id;
}
