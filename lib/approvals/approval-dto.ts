// An approval request row → the ApprovalDto every client reads. A select
// whitelist keeps the columns in view; the status an API shows is the
// stored one, except that a pending or approved request past its expiry
// is `expired` (nothing rewrites rows as time passes).
import { config } from "../config/env";
import type { Prisma } from "../generated/prisma/client";
import type { ApprovalDto, ApprovalStatus } from "../../packages/contracts/src/approvals/approval-dto";
import type { Permission } from "../rbac/permissions";
import { APPROVAL_ACTION_INFO, approvalSummary, isApprovalAction, type ApprovalAction } from "./approval-actions";

export const approvalSelect = {
  id: true,
  namespaceId: true,
  namespaceName: true,
  action: true,
  target: true,
  reason: true,
  requesterId: true,
  requester: { select: { id: true, email: true } },
  status: true,
  decidedBy: { select: { id: true, email: true } },
  decidedAt: true,
  decisionNote: true,
  expiresAt: true,
  usedAt: true,
  createdAt: true,
} satisfies Prisma.ApprovalRequestSelect;

export type ApprovalRow = Prisma.ApprovalRequestGetPayload<{ select: typeof approvalSelect }>;

/** How long a request waits for a decision. */
export const PENDING_HOURS = 24;

export function effectiveStatus(row: { status: string; expiresAt: Date }, now = new Date()): ApprovalStatus {
  if ((row.status === "pending" || row.status === "approved") && row.expiresAt <= now) return "expired";
  return row.status as ApprovalStatus;
}

export function rowAction(row: { action: string }): ApprovalAction {
  // Rows are written only through requestApproval, which checks the action.
  if (!isApprovalAction(row.action)) throw new Error(`unknown approval action ${row.action}`);
  return row.action;
}

export function rowTarget(row: { target: Prisma.JsonValue }): Record<string, string> {
  const target = row.target;
  if (!target || typeof target !== "object" || Array.isArray(target)) return {};
  return Object.fromEntries(Object.entries(target).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * The DTO as `viewerId` sees it: `held` says whether the viewer holds the
 * action's permission in the request's namespace (that, and not being the
 * requester, is what deciding takes).
 */
export function toApprovalDto(
  row: ApprovalRow,
  viewerId: string,
  held: (permission: Permission, namespace: string | null) => boolean,
  now = new Date(),
): ApprovalDto {
  const action = rowAction(row);
  const target = rowTarget(row);
  const status = effectiveStatus(row, now);
  const mine = row.requesterId === viewerId;
  return {
    id: row.id,
    namespace: row.namespaceName,
    action,
    actionLabel: APPROVAL_ACTION_INFO[action].label,
    target,
    summary: approvalSummary(action, row.namespaceName, target),
    reason: row.reason,
    status,
    requester: { id: row.requester.id, email: row.requester.email },
    decidedBy: row.decidedBy ? { id: row.decidedBy.id, email: row.decidedBy.email } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    url: `${config().COFFER_PUBLIC_URL}/approvals/${row.id}`,
    canDecide: status === "pending" && !mine && held(APPROVAL_ACTION_INFO[action].permission, row.namespaceName),
    canCancel: mine && (status === "pending" || status === "approved"),
  };
}
