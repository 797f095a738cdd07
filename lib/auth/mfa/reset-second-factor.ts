import "server-only";
import type { Actor } from "../actor";
import { audited } from "../../audit/audited";
import { recordAudit } from "../../audit/record-audit";
import { Forbidden, NotFound } from "../../errors";
import { authorize } from "../../rbac/authorize";
import { assertMayActOn } from "../../team/guards";
import { findMemberOrThrow } from "../../team/members";
import { secondFactorKinds } from "./has-second-factor";

export const RESET_SELF = "reset your own second factor on your profile page instead";
export const NOTHING_TO_RESET = (email: string) => `${email} has no second factor to reset`;

export type SecondFactorReset = { totp: boolean; passkeys: number; sessionsEnded: number };

/**
 * DELETE /api/v1/users/{id}/mfa: a member lost their authenticator app or
 * passkeys; an owner or admin removes them all (TOTP, recovery codes,
 * passkeys) so the member can sign in with the password and enroll again.
 *
 * Whoever removes a second factor can then sign in as the member with a
 * password they obtain, so the acting-on rule applies (only owners act on
 * owners; the actor holds everything the member holds). The member's
 * sessions end: the factor may be lost with a device still signed in, and
 * a reset the member did not ask for is then noticed at once. Their API
 * tokens stay (revoke them on the same page if the device held one).
 */
export async function resetSecondFactor(actor: Actor, userId: string): Promise<SecondFactorReset> {
  return audited(actor, "mfa.remove", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, userId);
    if (actor.type === "user" && actor.id === user.id) throw new Forbidden(RESET_SELF);
    await assertMayActOn(tx, actor, user, "reset the second factor of");
    const kinds = await secondFactorKinds(user.id, tx);
    const pending = await tx.mfaTotp.count({ where: { userId: user.id } });
    if (!pending && !kinds.passkeys) throw new NotFound(NOTHING_TO_RESET(user.email));
    await tx.mfaTotp.deleteMany({ where: { userId: user.id } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.passkey.deleteMany({ where: { userId: user.id } });
    await tx.passkeyRegistration.deleteMany({ where: { userId: user.id } });
    // A sign-in halfway through (password given, code owed) must not finish with a factor that is gone.
    await tx.mfaChallenge.deleteMany({ where: { userId: user.id } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, {
      action: "mfa.remove",
      resource: { type: "user", id: user.id, name: user.email },
      details: {
        kind: "all",
        by: actor.label ?? actor.type,
        totp: kinds.totp,
        passkeys: kinds.passkeys,
        sessionsEnded: sessions.count,
      },
    });
    return { totp: kinds.totp, passkeys: kinds.passkeys, sessionsEnded: sessions.count };
  });
}
