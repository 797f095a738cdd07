import "server-only";
import type { Actor } from "../auth/actor";
import { audited, RefusedOn } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { Forbidden, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import type { ApprovalDto } from "../../packages/contracts/src/approvals/approval-dto";
import { APPROVAL_ACTION_INFO, approvalSummary } from "./approval-actions";
import { approvalSelect, effectiveStatus, rowAction, rowTarget, toApprovalDto, type ApprovalRow } from "./approval-dto";
import { DEFAULT_APPROVAL_MINUTES, findPolicy } from "./approval-policy";
import { heldPermissions } from "./held-permissions";
import { decideApprovalSchema } from "./request-approval.schema";

export type ApprovalDecision = "approve" | "deny";

/**
 * Another member's answer to a pending request. Refused, audited as
 * denied and with nothing changed: one's own request, a decider without
 * the action's permission where it happens, a request already decided or
 * past its expiry. An approval stays usable for the policy's
 * approvalMinutes from now, once.
 */
export async function decideApproval(actor: Actor, id: string, decision: ApprovalDecision, input: unknown = {}): Promise<ApprovalDto> {
  const { note } = parseInput(decideApprovalSchema, input ?? {});
  const auditAction = decision === "approve" ? "approval.approve" : "approval.deny";
  return audited(actor, auditAction, async (tx) => {
    if (actor.type !== "user") throw new Forbidden("only a person can decide an approval");
    const row = await lockedRequest(tx, id);
    const refuse = (message: string) => new RefusedOn(message, { type: "approval", id }, row.namespaceName);
    const action = rowAction(row);
    const { permission } = APPROVAL_ACTION_INFO[action];
    if (row.requesterId === actor.id) throw refuse(`you cannot ${decision} your own request`);
    const { holds } = await heldPermissions(tx, actor);
    if (!holds(permission, row.namespaceName))
      throw refuse(
        `permission ${permission} required${row.namespaceName ? ` in namespace ${row.namespaceName}` : ""} to decide this request`,
      );
    const status = effectiveStatus(row);
    if (status === "expired") throw refuse(`this request expired at ${row.expiresAt.toISOString()}`);
    if (status !== "pending") throw refuse(`this request was already ${status}`);
    const now = new Date();
    const minutes = (await findPolicy(tx, row.namespaceName))?.approvalMinutes ?? DEFAULT_APPROVAL_MINUTES;
    const updated = await tx.approvalRequest.update({
      where: { id },
      data: {
        status: decision === "approve" ? "approved" : "denied",
        decidedById: actor.id,
        decidedAt: now,
        decisionNote: note || null,
        ...(decision === "approve" ? { expiresAt: new Date(now.getTime() + minutes * 60_000) } : {}),
      },
      select: approvalSelect,
    });
    const target = rowTarget(row);
    await recordAudit(tx, actor, {
      action: auditAction,
      resource: { type: "approval", id, name: approvalSummary(action, row.namespaceName, target) },
      namespace: row.namespaceName,
      details: { action, target, requester: row.requester.email, note: note || null },
    });
    return toApprovalDto(updated, actor.id, holds, now);
  });
}

/** The requester takes back a request that is pending, or approved and not yet used. */
export async function cancelApproval(actor: Actor, id: string): Promise<ApprovalDto> {
  return audited(actor, "approval.cancel", async (tx) => {
    if (actor.type !== "user") throw new Forbidden("only a person can cancel an approval");
    const row = await lockedRequest(tx, id);
    if (row.requesterId !== actor.id)
      throw new RefusedOn("only the requester can cancel a request", { type: "approval", id }, row.namespaceName);
    const { holds } = await heldPermissions(tx, actor);
    const status = effectiveStatus(row);
    if (status !== "pending" && status !== "approved")
      throw new RefusedOn(`this request was already ${status}`, { type: "approval", id }, row.namespaceName);
    const updated = await tx.approvalRequest.update({ where: { id }, data: { status: "cancelled" }, select: approvalSelect });
    const action = rowAction(row);
    const target = rowTarget(row);
    await recordAudit(tx, actor, {
      action: "approval.cancel",
      resource: { type: "approval", id, name: approvalSummary(action, row.namespaceName, target) },
      namespace: row.namespaceName,
      details: { action, target, was: status },
    });
    return toApprovalDto(updated, actor.id, holds);
  });
}

/** The request, locked for the rest of the transaction: two deciders (or a decider and the gate) take turns. */
async function lockedRequest(tx: Tx, id: string): Promise<ApprovalRow> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ApprovalRequest" WHERE "id" = ${id} FOR UPDATE`;
  if (!locked) throw new NotFound(`approval ${id} not found`);
  return tx.approvalRequest.findUniqueOrThrow({ where: { id }, select: approvalSelect });
}
