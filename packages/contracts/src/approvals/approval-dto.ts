// The public shape of an approval request (issue 16 §3, the two-person
// rule), as /api/v1/approvals answers it and the console and CLI read it.
// A target names what the action is about (a secret, a service), never a
// value.

export const APPROVAL_ACTIONS = [
  "secret.reveal",
  "secret.delete",
  "secret.purge",
  "binding.create",
  "servicetoken.create",
  "integration.create",
  "key.rewrap_start",
] as const;

export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_STATUSES = ["pending", "approved", "denied", "cancelled", "used", "expired"] as const;

/** `expired` is never stored: a pending or approved request past its expiresAt is shown so. */
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_SCOPES = ["mine", "decide", "all"] as const;
export type ApprovalScope = (typeof APPROVAL_SCOPES)[number];

export type ApprovalPerson = { id: string; email: string };

export type ApprovalDto = {
  id: string;
  /** null: an instance-wide action (key.rewrap_start). */
  namespace: string | null;
  action: ApprovalAction;
  actionLabel: string;
  target: Record<string, string>;
  /** "Reveal prod/db-password" */
  summary: string;
  reason: string;
  status: ApprovalStatus;
  requester: ApprovalPerson;
  decidedBy: ApprovalPerson | null;
  decidedAt: string | null;
  decisionNote: string | null;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
  /** `${COFFER_PUBLIC_URL}/approvals/${id}` */
  url: string;
  canDecide: boolean;
  canCancel: boolean;
};

export type ApprovalListDto = { items: ApprovalDto[] };

/** What a policy answers: the actions that need a second person in its scope. */
export type ApprovalPolicyDto = {
  /** null: the instance policy. */
  namespace: string | null;
  actions: ApprovalAction[];
  /** How long an approval stays usable once given. */
  approvalMinutes: number;
  updatedAt: string | null;
  updatedBy: ApprovalPerson | null;
};

/** The `approval` member of a 403 approval_required error body: enough to request it generically. */
export type ApprovalGate = {
  action: ApprovalAction;
  namespace: string | null;
  target: Record<string, string>;
};

/** The header that names the approval an action uses. */
export const APPROVAL_HEADER = "X-Coffer-Approval";
