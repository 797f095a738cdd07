// COFFER_PASSWORD_LOGIN: with SSO in place, passwords can be kept for owners
// only (a way in when the identity provider is down) or turned off.
// Checked after the password is verified, so the answer never tells a
// stranger which emails belong to owners.
import { recordAudit } from "../../audit/record-audit";
import { config } from "../../config/env";
import { db, type Tx } from "../../db/client";
import { Forbidden } from "../../errors";
import { OWNER_ROLE_ID } from "../../rbac/permissions";
import { anonymousActor, type RequestContext } from "../actor";

export class PasswordLoginRefused extends Forbidden {}

export const PASSWORD_LOGIN_OFF = "Password sign-in is turned off on this instance: use single sign-on.";
export const PASSWORD_LOGIN_OWNERS = "Password sign-in is limited to owners on this instance: use single sign-on.";

/** Why this user may not sign in with a password, or null when they may. */
export async function passwordLoginRefusal(tx: Tx, userId: string): Promise<string | null> {
  const policy = config().COFFER_PASSWORD_LOGIN;
  if (policy === "all") return null;
  if (policy === "off") return PASSWORD_LOGIN_OFF;
  const owner = await tx.roleBinding.findFirst({ where: { userId, roleId: OWNER_ROLE_ID, namespaceId: null }, select: { id: true } });
  return owner ? null : PASSWORD_LOGIN_OWNERS;
}

/** Called once the password is right: refuses (and audits) a password sign-in the policy does not allow. */
export async function assertPasswordLoginAllowed(user: { id: string; email: string }, context: RequestContext): Promise<void> {
  const refusal = await passwordLoginRefusal(db, user.id);
  if (!refusal) return;
  await db.$transaction((tx) =>
    recordAudit(tx, anonymousActor(context, user.email), {
      action: "auth.login_failed",
      outcome: "denied",
      resource: { type: "user", id: user.id, name: user.email },
      details: { reason: `password_login_${config().COFFER_PASSWORD_LOGIN}` },
    }),
  );
  throw new PasswordLoginRefused(refusal);
}

/** The login form's sentence for a refused password sign-in. */
export function passwordLoginMessage(): string {
  return config().COFFER_PASSWORD_LOGIN === "off" ? PASSWORD_LOGIN_OFF : PASSWORD_LOGIN_OWNERS;
}
