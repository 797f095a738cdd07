// Every action an audit event records, named once: recordAudit() and
// audited() accept only these, the console's action filter offers them and
// the coverage test checks that each one reaches the trail. Ordered as the
// filter lists them. Pure data (no server-only, no Prisma): the filter is a
// client component. Events written before an action was renamed keep their
// old text; filters take any text, so they stay findable.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.lockout",
  "auth.token_rejected",
  "auth.logout",
  "setup.complete",
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
  "token.create",
  "token.revoke",
  "token.list",
  "key.status",
  "key.rewrap_start",
  "key.rewrap_done",
  "key.rewrap_failed",
  "key.rewrap_cancel",
  "namespace.create",
  "namespace.delete",
  "audit.list",
  "audit.export",
  "audit.verify",
  "audit.verified",
  "audit.archived",
  "audit.legacy-chain-verified",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actions of one group (`"secret."`), in registry order. */
export function actionsWithPrefix(prefix: string): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => action.startsWith(prefix));
}
