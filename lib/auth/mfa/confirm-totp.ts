import "server-only";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { BadRequest, Conflict } from "../../errors";
import { parseInput } from "../../input/parse-input";
import type { UserActor } from "../actor";
import { replaceRecoveryCodes } from "./recovery-codes";
import { matchingStep } from "./totp";
import { openTotpSecret } from "./totp-secret";
import { confirmTotpSchema } from "./totp-schemas";
import { ALREADY_ON } from "./enroll-totp";
import { assertMayManageOwnSecondFactor } from "./second-factor-policy";

export const NOT_ENROLLED = "start enrolling first: there is no pending authenticator to confirm";
export const WRONG_CONFIRM_CODE = "that code does not match; check the app's clock and enter the current code";

/**
 * POST /api/v1/me/mfa/totp/confirm: a code from the app proves it holds the
 * secret; from then on sign-in asks for one. Answers the ten recovery
 * codes, the only time they are shown.
 */
export async function confirmTotp(actor: UserActor, input: unknown): Promise<{ recoveryCodes: string[] }> {
  assertMayManageOwnSecondFactor(actor);
  const { code } = parseInput(confirmTotpSchema, input);
  const refused = await db.$transaction(async (tx) => {
    const row = await tx.mfaTotp.findUnique({ where: { userId: actor.id } });
    if (!row) throw new BadRequest(NOT_ENROLLED, { field: "code" });
    if (row.confirmedAt) throw new Conflict(ALREADY_ON);
    const secret = await openTotpSecret(actor.id, row);
    const step = matchingStep(secret, code.replace(/\s/g, ""), new Date());
    secret.fill(0);
    if (step === null) return true;
    const confirmed = await tx.mfaTotp.updateMany({
      where: { userId: actor.id, confirmedAt: null },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (confirmed.count !== 1) throw new Conflict(ALREADY_ON);
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, actor, { action: "mfa.confirm", resource: { type: "user", id: actor.id, name: actor.label } });
    return { recoveryCodes };
  });
  if (refused === true) {
    await db.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "mfa.failed",
        outcome: "denied",
        resource: { type: "user", id: actor.id, name: actor.label },
        details: { reason: "wrong_code", step: "confirm" },
      }),
    );
    throw new BadRequest(WRONG_CONFIRM_CODE, { field: "code" });
  }
  return refused;
}
