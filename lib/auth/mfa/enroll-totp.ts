import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { Conflict } from "../../errors";
import type { UserActor } from "../actor";
import { base32Encode, otpauthUrl } from "./totp";
import { assertMayManageOwnSecondFactor } from "./second-factor-policy";
import { sealTotpSecret } from "./totp-secret";
import type { EnrolledTotp } from "./totp-schemas";

export const TOTP_ISSUER = "Coffer";
export const ALREADY_ON = "two-factor sign-in is already on; remove it first to enroll a new authenticator";

/**
 * POST /api/v1/me/mfa/totp: a new secret for the caller, sealed at rest and
 * not asked for at sign-in until confirmed with a code. Enrolling again
 * before confirming replaces the pending secret.
 */
export async function enrollTotp(actor: UserActor): Promise<EnrolledTotp> {
  assertMayManageOwnSecondFactor(actor);
  const secret = randomBytes(20); // RFC 4226's recommended 160 bits, the size of SHA-1's block input
  try {
    const sealed = await sealTotpSecret(actor.id, secret);
    await db.$transaction(async (tx) => {
      const current = await tx.mfaTotp.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
      if (current?.confirmedAt) throw new Conflict(ALREADY_ON);
      await tx.mfaTotp.deleteMany({ where: { userId: actor.id } });
      await tx.mfaTotp.create({ data: { userId: actor.id, ...sealed } });
      await recordAudit(tx, actor, { action: "mfa.enroll", resource: { type: "user", id: actor.id, name: actor.label } });
    });
    const base32 = base32Encode(secret);
    return { secret: base32, otpauthUrl: otpauthUrl(TOTP_ISSUER, actor.label, base32) };
  } finally {
    secret.fill(0);
  }
}
