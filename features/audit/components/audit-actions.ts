// The actions the action filter offers, grouped as the console's sections.
// A value ending in "." is a group (lib matches it as a prefix); the rest
// are exact. Lib matches one prefix per filter, so a section that spans
// several resources (Services, Team) offers one group per resource.

export type ActionGroup = { label: string; prefixes: { value: string; label: string }[]; actions: string[] };

export const ACTION_GROUPS: ActionGroup[] = [
  {
    label: "Sign-in",
    prefixes: [{ value: "auth.", label: "All sign-in events" }],
    actions: ["auth.login", "auth.login_failed", "auth.lockout", "auth.token_rejected", "auth.logout"],
  },
  { label: "Setup", prefixes: [{ value: "setup.", label: "All setup events" }], actions: ["setup.complete"] },
  {
    label: "Secrets",
    prefixes: [{ value: "secret.", label: "All secret events" }],
    actions: [
      "secret.create",
      "secret.read",
      "secret.reveal",
      "secret.rotate",
      "secret.rollback",
      "secret.label",
      "secret.inspect",
      "secret.list",
      "secret.delete",
      "secret.restore",
      "secret.purge",
    ],
  },
  {
    label: "Services",
    prefixes: [
      { value: "service.", label: "All service events" },
      { value: "binding.", label: "All binding events" },
      { value: "servicetoken.", label: "All service token events" },
    ],
    actions: [
      "service.create",
      "service.update",
      "service.delete",
      "service.inspect",
      "service.list",
      "binding.create",
      "binding.delete",
      "servicetoken.create",
      "servicetoken.revoke",
      "servicetoken.rejected",
    ],
  },
  {
    label: "Team",
    prefixes: [
      { value: "member.", label: "All member events" },
      { value: "invite.", label: "All invite events" },
      { value: "role.", label: "All role events" },
      { value: "grant.", label: "All grant events" },
    ],
    actions: [
      "member.list",
      "member.inspect",
      "member.disable",
      "member.enable",
      "member.remove",
      "member.password_change",
      "member.password_reset",
      "member.password_reset_issue",
      "invite.create",
      "invite.accept",
      "invite.revoke",
      "invite.list",
      "role.create",
      "role.update",
      "role.delete",
      "role.list",
      "grant.create",
      "grant.delete",
      "grant.list",
    ],
  },
  { label: "Tokens", prefixes: [{ value: "token.", label: "All API token events" }], actions: ["token.create", "token.revoke"] },
  {
    label: "Keys",
    prefixes: [{ value: "key.", label: "All key events" }],
    actions: ["key.status", "key.rewrap_start", "key.rewrap_done", "key.rewrap_failed", "key.rewrap_cancel"],
  },
  { label: "Namespaces", prefixes: [{ value: "namespace.", label: "All namespace events" }], actions: ["namespace.create", "namespace.delete"] },
  {
    label: "Audit",
    prefixes: [{ value: "audit.", label: "All audit events" }],
    actions: ["audit.list", "audit.export", "audit.verify", "audit.verified", "audit.archived"],
  },
];

/** Whether the select already offers `value` (a shared URL may carry any action). */
export function isKnownAction(value: string): boolean {
  return ACTION_GROUPS.some((group) => group.prefixes.some((p) => p.value === value) || group.actions.includes(value));
}
