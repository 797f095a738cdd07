import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { BadRequest, Forbidden, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import type { ApprovalDto } from "../../packages/contracts/src/approvals/approval-dto";
import { APPROVAL_ACTION_INFO, APPROVAL_TARGET_SCHEMAS, approvalSummary, canonicalTarget, type ApprovalAction } from "./approval-actions";
import { approvalSelect, PENDING_HOURS, toApprovalDto } from "./approval-dto";
import { findPolicy, policyActions } from "./approval-policy";
import { heldPermissions } from "./held-permissions";
import { requestApprovalSchema } from "./request-approval.schema";

/** `apr_` and 128 random bits, base64url. */
export function newApprovalId(): string {
  return `apr_${randomBytes(16).toString("base64url")}`;
}

/**
 * Asks for a second person's approval of one action on one target. The
 * requester must hold the action's permission (an approval only lifts the
 * two-person rule, never a missing grant) and the policy must list it.
 */
export async function requestApproval(actor: Actor, input: unknown): Promise<ApprovalDto> {
  const spec = parseInput(requestApprovalSchema, input);
  const info = APPROVAL_ACTION_INFO[spec.action];
  const namespace = info.namespaced ? (spec.namespace ?? null) : null;
  if (info.namespaced && !namespace)
    throw new BadRequest(`namespace: ${spec.action} happens in a namespace: name it`, { field: "namespace" });
  if (!info.namespaced && spec.namespace)
    throw new BadRequest(`namespace: ${spec.action} is an instance action: leave namespace out`, { field: "namespace" });
  const target = canonicalTarget(parseInput(z.object({ target: APPROVAL_TARGET_SCHEMAS[spec.action] }), { target: spec.target }).target);
  return audited(actor, "approval.request", async (tx) => {
    if (actor.type !== "user") throw new Forbidden("only a person can request an approval");
    await authorize(tx, actor, info.permission, namespace);
    const ns = namespace === null ? null : await findNamespaceOrThrow(tx, namespace);
    const policy = await findPolicy(tx, namespace);
    if (!policyActions(policy).includes(spec.action))
      throw new BadRequest(`${spec.action} does not need approval ${namespace === null ? "on this instance" : `in ${namespace}`}`, {
        field: "action",
      });
    await checkTargetExists(tx, spec.action, ns, target);
    const row = await tx.approvalRequest.create({
      data: {
        id: newApprovalId(),
        namespaceId: ns?.id ?? null,
        namespaceName: namespace,
        action: spec.action,
        target,
        reason: spec.reason,
        requesterId: actor.id,
        status: "pending",
        expiresAt: new Date(Date.now() + PENDING_HOURS * 3600_000),
      },
      select: approvalSelect,
    });
    await recordAudit(tx, actor, {
      action: "approval.request",
      resource: { type: "approval", id: row.id, name: approvalSummary(spec.action, namespace, target) },
      namespace,
      details: { action: spec.action, target, reason: spec.reason },
    });
    const { holds } = await heldPermissions(tx, actor);
    return toApprovalDto(row, actor.id, holds);
  });
}

/** A request names something that exists: a live secret (a deleted one for purge), a service. */
async function checkTargetExists(tx: Tx, action: ApprovalAction, ns: { id: string; name: string } | null, target: Record<string, string>) {
  if (!ns) return;
  if (target.secret !== undefined) {
    const deleted = action === "secret.purge";
    const found = await tx.secret.findFirst({
      where: { namespaceId: ns.id, name: target.secret, deletedAt: deleted ? { not: null } : null },
      select: { id: true },
    });
    if (!found) throw new NotFound(`${deleted ? "deleted secret" : "secret"} '${target.secret}' not found in namespace '${ns.name}'`);
  }
  if (target.service !== undefined) {
    const found = await tx.service.findFirst({ where: { namespaceId: ns.id, name: target.service }, select: { id: true } });
    if (!found) throw new NotFound(`service '${target.service}' not found in namespace '${ns.name}'`);
  }
}
