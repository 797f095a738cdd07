// The actions a policy can put behind a second person's approval (issue 16
// §3): what each is called, the permission both the requester and the
// approver must hold, whether it happens in a namespace, and the shape of
// the target that names what it is about (never a value).
import { z } from "zod";
import { APPROVAL_ACTIONS, type ApprovalAction } from "../../packages/contracts/src/approvals/approval-dto";
import type { Permission } from "../rbac/permissions";

export { APPROVAL_ACTIONS, type ApprovalAction };

export type ApprovalActionInfo = {
  label: string;
  /** A verb for the one-line summary: "Reveal prod/db-password". */
  verb: string;
  permission: Permission;
  namespaced: boolean;
};

export const APPROVAL_ACTION_INFO: Record<ApprovalAction, ApprovalActionInfo> = {
  "secret.reveal": { label: "Reveal a secret's value", verb: "Reveal", permission: "secret:reveal", namespaced: true },
  "secret.delete": { label: "Delete a secret", verb: "Delete", permission: "secret:delete", namespaced: true },
  "secret.purge": { label: "Purge a deleted secret for good", verb: "Purge", permission: "secret:purge", namespaced: true },
  "binding.create": {
    label: "Bind a secret to a service (its tokens will read the value)",
    verb: "Bind",
    permission: "secret:bind",
    namespaced: true,
  },
  "servicetoken.create": {
    label: "Create a service token (it reads every bound secret)",
    verb: "Create a token for",
    permission: "servicetoken:manage",
    namespaced: true,
  },
  "integration.create": {
    label: "Create an integration (a credential for the whole namespace)",
    verb: "Create integration",
    permission: "integration:manage",
    namespaced: true,
  },
  "key.rewrap_start": {
    label: "Re-wrap data off an old key, the step before removing it from the keyring",
    verb: "Start a re-wrap",
    permission: "key:manage",
    namespaced: false,
  },
};

const name = z.string().min(1).max(253);

/** Strict: a target carries exactly its fields, so two requests for one thing compare equal. */
export const APPROVAL_TARGET_SCHEMAS: Record<ApprovalAction, z.ZodType<Record<string, string>>> = {
  "secret.reveal": z.strictObject({ secret: name }),
  "secret.delete": z.strictObject({ secret: name }),
  "secret.purge": z.strictObject({ secret: name }),
  "binding.create": z.strictObject({ service: name, secret: name }),
  "servicetoken.create": z.strictObject({ service: name }),
  "integration.create": z.strictObject({ kind: name, name }),
  "key.rewrap_start": z.strictObject({}),
};

export const NAMESPACED_APPROVAL_ACTIONS = APPROVAL_ACTIONS.filter((a) => APPROVAL_ACTION_INFO[a].namespaced);
export const INSTANCE_APPROVAL_ACTIONS = APPROVAL_ACTIONS.filter((a) => !APPROVAL_ACTION_INFO[a].namespaced);

export function isApprovalAction(value: unknown): value is ApprovalAction {
  return typeof value === "string" && (APPROVAL_ACTIONS as readonly string[]).includes(value);
}

/** The target with its keys sorted: stored and compared in this one form. */
export function canonicalTarget(target: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(target)
      .sort()
      .map((k) => [k, target[k]!]),
  );
}

export function sameTarget(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(canonicalTarget(a)) === JSON.stringify(canonicalTarget(b));
}

/** "Reveal prod/db-password", "Bind prod/db to service web", "Start a re-wrap". */
export function approvalSummary(action: ApprovalAction, namespace: string | null, target: Record<string, string>): string {
  const verb = APPROVAL_ACTION_INFO[action].verb;
  const ns = namespace ?? "";
  switch (action) {
    case "secret.reveal":
    case "secret.delete":
    case "secret.purge":
      return `${verb} ${ns}/${target.secret ?? ""}`;
    case "binding.create":
      return `${verb} ${ns}/${target.secret ?? ""} to service ${target.service ?? ""}`;
    case "servicetoken.create":
      return `${verb} ${ns}/${target.service ?? ""}`;
    case "integration.create":
      return `${verb} ${ns}/${target.name ?? ""} (${target.kind ?? ""})`;
    case "key.rewrap_start":
      return verb;
  }
}
