// Roles that require a second factor (issue 16): a member holding one, in
// any namespace, who has neither a confirmed TOTP nor a passkey owes
// enrollment. The console sends them to their profile, the token API and
// their personal tokens refuse them, and they cannot remove their last
// second factor while the requirement stands.
import "server-only";
import { recordCredentialRejection } from "../../audit/credential-rejections";
import { db, type Tx } from "../../db/client";
import { BadRequest, Forbidden } from "../../errors";
import type { RequestContext, UserActor } from "../actor";
import { secondFactorKinds } from "./has-second-factor";

/** The role that makes a member owe enrollment. */
export type OwedEnrollment = { role: string };

/** One query: a role of theirs that requires a second factor, when they have none; else null. */
export async function owedEnrollment(userId: string, tx: Tx = db): Promise<OwedEnrollment | null> {
  const binding = await tx.roleBinding.findFirst({
    where: {
      userId,
      role: { requireSecondFactor: true },
      user: { passkeys: { none: {} }, NOT: { totp: { is: { confirmedAt: { not: null } } } } },
    },
    select: { role: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return binding ? { role: binding.role.name } : null;
}

/** The first role of the user's that requires a second factor, whether or not they have one. */
async function requiringRole(tx: Tx, userId: string): Promise<string | null> {
  const binding = await tx.roleBinding.findFirst({
    where: { userId, role: { requireSecondFactor: true } },
    select: { role: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return binding?.role.name ?? null;
}

/** What the console banner, the token API and a refused personal token say. */
export function enrollmentMessage(owed: OwedEnrollment): string {
  return `Your role ${owed.role} requires a second factor. Set up an authenticator app or a passkey to continue.`;
}

/** For the API: where to do it, since a token cannot enroll a passkey. */
export function enrollmentApiMessage(owed: OwedEnrollment): string {
  return `${enrollmentMessage(owed)} Sign in to the console and open your profile's two-factor section first.`;
}

export const LAST_FACTOR_REQUIRED = (role: string) =>
  `your role ${role} requires a second factor: add another one (an authenticator app or a passkey) before removing this one`;

/**
 * Refuses removing a second factor that is the user's last while one of
 * their roles requires one. `removing` names what goes: the TOTP
 * (confirmed or pending) or one passkey. Removing a pending enrollment, or
 * anything from a user who already has none, takes nothing away.
 *
 * Callers: lib/auth/mfa/remove-totp.ts, and passkey removal (h1) before it
 * deletes the row.
 */
export async function assertMaySpendLastSecondFactor(
  tx: Tx,
  userId: string,
  removing: { totp: true } | { passkeyId: string },
): Promise<void> {
  const kinds = await secondFactorKinds(userId, tx);
  const hasNow = kinds.totp || kinds.passkeys > 0;
  const after = "totp" in removing ? kinds.passkeys > 0 : kinds.totp || kinds.passkeys > 1;
  if (!hasNow || after) return;
  const role = await requiringRole(tx, userId);
  if (role) throw new BadRequest(LAST_FACTOR_REQUIRED(role));
}

export const SCOPED_TOKEN_REFUSAL =
  "a scoped API token cannot change your second factor: use the console, or a personal token without scopes";

/**
 * Changing one's own second factor (enroll, confirm, remove) needs the
 * console or an unscoped token: a token narrowed to, say, secret:list must
 * not be able to turn off (or take over) the account's second factor.
 */
export function assertMayManageOwnSecondFactor(actor: UserActor): void {
  if (actor.token?.scopes.length) throw new Forbidden(SCOPED_TOKEN_REFUSAL);
}

/**
 * POST /api/v1/auth/token, once the password is right: a member who owes
 * enrollment gets no token (a token cannot enroll a passkey, and a
 * password-only token is what the requirement rules out). Counted and
 * audited as a refused sign-in.
 */
export async function refuseTokenWhileOwed(user: { id: string; email: string }, context: RequestContext): Promise<void> {
  const owed = await owedEnrollment(user.id);
  if (!owed) return;
  await recordCredentialRejection({
    kind: "signin",
    reason: "second_factor_required",
    token: null,
    prefix: user.email,
    context,
    label: user.email,
    resource: { type: "user", id: user.id, name: user.email },
    details: { role: owed.role },
  });
  throw new Forbidden(enrollmentApiMessage(owed));
}
