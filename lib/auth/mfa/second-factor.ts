// Checking a code against a user's confirmed TOTP or recovery codes. A
// TOTP code spends its time step (a code seen once, say over a shoulder,
// cannot sign in again); a recovery code is spent for good.
import { recordAudit } from "../../audit/record-audit";
import { db, type Tx } from "../../db/client";
import { Unauthorized } from "../../errors";
import { userActor, type RequestContext } from "../actor";
import type { VerifiedUser } from "../sign-in";
import { countedAttempt } from "./counted-attempt";
import { spendRecoveryCode } from "./recovery-codes";
import { matchingStep } from "./totp";
import { openTotpSecret } from "./totp-secret";

export type SecondFactorKind = "totp" | "recovery_code";
export type Spent = { ok: true; kind: SecondFactorKind } | { ok: false; reason: "wrong_code" | "replayed_code" | "no_second_factor" };

export const WRONG_CODE = "Wrong or expired code.";

export async function hasConfirmedTotp(userId: string, tx: Tx = db): Promise<boolean> {
  const row = await tx.mfaTotp.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(row?.confirmedAt);
}

/** Spends `code` if it is a current TOTP code or an unused recovery code of the user's. */
export async function spendSecondFactor(tx: Tx, userId: string, code: string, at = new Date()): Promise<Spent> {
  const row = await tx.mfaTotp.findUnique({ where: { userId } });
  if (!row?.confirmedAt) return { ok: false, reason: "no_second_factor" };
  const typed = code.replace(/\s/g, "");
  if (/^\d+$/.test(typed)) {
    const secret = await openTotpSecret(userId, row);
    const step = matchingStep(secret, typed, at);
    secret.fill(0);
    if (step === null) return { ok: false, reason: "wrong_code" };
    // One statement decides between two sign-ins racing with the same code.
    const won = await tx.mfaTotp.updateMany({
      where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return won.count === 1 ? { ok: true, kind: "totp" } : { ok: false, reason: "replayed_code" };
  }
  return (await spendRecoveryCode(tx, userId, code)) ? { ok: true, kind: "recovery_code" } : { ok: false, reason: "wrong_code" };
}

/**
 * The second step of a sign-in: the code is counted against the lockout,
 * spent, and `then` runs in the same transaction (opening the session or
 * minting the token), so a code is never spent for nothing.
 */
export async function verifySecondFactor<T>(
  user: VerifiedUser,
  code: string,
  context: RequestContext,
  then: (tx: Tx, kind: SecondFactorKind) => Promise<T>,
): Promise<T> {
  return countedAttempt(user, context, () =>
    db.$transaction(async (tx) => {
      const spent = await spendSecondFactor(tx, user.id, code);
      if (!spent.ok) return { ok: false as const, refusal: { reason: spent.reason, error: () => new Unauthorized(WRONG_CODE) } };
      if (spent.kind === "recovery_code") {
        const left = await tx.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
        await recordAudit(tx, userActor(user, context), {
          action: "mfa.recovery_used",
          resource: { type: "user", id: user.id, name: user.email },
          details: { remaining: left },
        });
      }
      return { ok: true as const, value: await then(tx, spent.kind) };
    }),
  );
}
