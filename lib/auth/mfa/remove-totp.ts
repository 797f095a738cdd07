import "server-only";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { BadRequest, NotFound } from "../../errors";
import { parseInput } from "../../input/parse-input";
import type { UserActor } from "../actor";
import { verifyPassword } from "../password";
import { countedAttempt } from "./counted-attempt";
import { spendSecondFactor } from "./second-factor";
import { assertMayManageOwnSecondFactor, assertMaySpendLastSecondFactor } from "./second-factor-policy";
import { removeTotpSchema } from "./totp-schemas";

export const NOT_ON = "two-factor sign-in is not on";
export const WRONG_PROOF = "wrong code or password";

/**
 * DELETE /api/v1/me/mfa/totp: turns the second factor off (or drops a
 * pending enrollment). A stolen session or token alone must not do it, so
 * it takes a current code or the password, counted like a sign-in.
 */
export async function removeTotp(actor: UserActor, input: unknown): Promise<void> {
  assertMayManageOwnSecondFactor(actor);
  const { code, password } = parseInput(removeTotpSchema, input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!user) throw new NotFound("your account no longer exists");
  if (!(await db.mfaTotp.count({ where: { userId: actor.id } }))) throw new NotFound(NOT_ON);
  // Before the proof is counted: a refusal here spends no lockout attempt.
  await assertMaySpendLastSecondFactor(db, actor.id, { totp: true });
  const field = code !== undefined ? "code" : "password";
  await countedAttempt(user, actor.context, () =>
    db.$transaction(async (tx) => {
      const row = await tx.mfaTotp.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
      if (!row) throw new NotFound(NOT_ON);
      // A pending enrollment has no code to give yet: the password proves it.
      const proved =
        code !== undefined && row.confirmedAt
          ? (await spendSecondFactor(tx, actor.id, code)).ok
          : password !== undefined && (await verifyPassword(user.passwordHash, password));
      if (!proved)
        return { ok: false as const, refusal: { reason: `wrong_${field}`, error: () => new BadRequest(WRONG_PROOF, { field }) } };
      await tx.mfaTotp.delete({ where: { userId: actor.id } });
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: actor.id } });
      await recordAudit(tx, actor, {
        action: "mfa.remove",
        resource: { type: "user", id: actor.id, name: actor.label },
        details: { proof: field, wasConfirmed: Boolean(row.confirmedAt) },
      });
      return { ok: true as const, value: undefined };
    }),
  );
}
