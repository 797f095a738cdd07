import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { db } from "../db/client";
import { Forbidden, NotFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../input/parse-input";
import {
  APPROVAL_SCOPES,
  APPROVAL_STATUSES,
  type ApprovalDto,
  type ApprovalStatus,
} from "../../packages/contracts/src/approvals/approval-dto";
import { APPROVAL_ACTIONS, APPROVAL_ACTION_INFO, isApprovalAction } from "./approval-actions";
import { approvalSelect, toApprovalDto } from "./approval-dto";
import { heldPermissions, type Holds, type ScopedHeld } from "./held-permissions";

export const listApprovalsSchema = z.strictObject({
  status: z.enum(APPROVAL_STATUSES).optional(),
  scope: z.enum(APPROVAL_SCOPES).optional(),
});
export type ListApprovalsInput = z.input<typeof listApprovalsSchema>;

const LIST_LIMIT = 100;

/**
 * The caller's own requests plus those they could decide (they hold the
 * action's permission where it happens), newest first. Nobody sees a
 * request they could neither make nor decide.
 */
export async function listApprovals(actor: Actor, input: unknown = {}): Promise<ApprovalDto[]> {
  const { status, scope = "all" } = parseInput(listApprovalsSchema, input ?? {});
  return auditedRead(actor, "approval.list", async (tx) => {
    if (actor.type !== "user") throw new Forbidden("approvals are listed by people");
    const { holds, scopes } = await heldPermissions(tx, actor);
    const now = new Date();
    const visible = visibleWhere(actor.id, scopes, scope);
    if (!visible) return [];
    const rows = await tx.approvalRequest.findMany({
      where: { AND: [visible, ...(status ? [statusWhere(status, now)] : [])] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
      select: approvalSelect,
    });
    return rows.map((row) => toApprovalDto(row, actor.id, holds, now));
  });
}

/** One request, as its requester or someone who could decide it sees it; anyone else is told it does not exist. */
export async function getApproval(actor: Actor, id: string): Promise<ApprovalDto> {
  if (actor.type !== "user") throw new NotFound(`approval ${id} not found`);
  const row = await db.approvalRequest.findUnique({ where: { id }, select: approvalSelect });
  const { holds } = await heldPermissions(db, actor);
  if (!row || !(row.requesterId === actor.id || canSee(row, holds))) throw new NotFound(`approval ${id} not found`);
  return toApprovalDto(row, actor.id, holds);
}

/** Requests waiting for a decision the actor could make: the console nav's badge. */
export async function pendingApprovalCount(actor: Actor): Promise<number> {
  if (actor.type !== "user") return 0;
  const { scopes } = await heldPermissions(db, actor);
  const visible = visibleWhere(actor.id, scopes, "decide");
  if (!visible) return 0;
  return db.approvalRequest.count({ where: { AND: [visible, statusWhere("pending", new Date())] } });
}

export function canSee(row: { action: string; namespaceName: string | null }, holds: Holds): boolean {
  return isApprovalAction(row.action) && holds(APPROVAL_ACTION_INFO[row.action].permission, row.namespaceName);
}

/** The requests a person could decide: per action, everywhere (a global grant) or in the namespaces where they hold its permission. */
function decidableWhere(scopes: ScopedHeld): Prisma.ApprovalRequestWhereInput[] {
  const where: Prisma.ApprovalRequestWhereInput[] = [];
  for (const action of APPROVAL_ACTIONS) {
    const { permission, namespaced } = APPROVAL_ACTION_INFO[action];
    if (scopes.global.has(permission)) {
      where.push({ action });
      continue;
    }
    if (!namespaced) continue;
    const names = [...scopes.namespaces].filter(([, held]) => held.has(permission)).map(([name]) => name);
    if (names.length) where.push({ action, namespaceId: { not: null }, namespaceName: { in: names } });
  }
  return where;
}

function visibleWhere(
  userId: string,
  scopes: ScopedHeld,
  scope: (typeof APPROVAL_SCOPES)[number],
): Prisma.ApprovalRequestWhereInput | null {
  if (scope === "mine") return { requesterId: userId };
  const decidable = decidableWhere(scopes);
  if (scope === "decide") return decidable.length ? { requesterId: { not: userId }, OR: decidable } : null;
  return { OR: [{ requesterId: userId }, ...decidable] };
}

function statusWhere(status: ApprovalStatus, now: Date): Prisma.ApprovalRequestWhereInput {
  if (status === "pending" || status === "approved") return { status, expiresAt: { gt: now } };
  if (status === "expired") return { status: { in: ["pending", "approved"] }, expiresAt: { lte: now } };
  return { status };
}
