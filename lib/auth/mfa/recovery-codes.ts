// Ten one-time recovery codes per confirmed TOTP, for a lost phone. Each is
// 74 random bits shown once as `xxxxx-xxxxx-xxxxx` and kept only as its
// SHA-256: random codes need no slow hash, and the sign-in lockout bounds
// guessing.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../../db/client";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export const recoveryCodeHash = (code: string) => createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");

/** Lowercase, without dashes or spaces: how the code was typed does not matter. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{15}$/.test(normalizeRecoveryCode(code));

function newRecoveryCode(): string {
  // 15 characters of 31: about 74 bits; rejection sampling keeps each character uniform.
  let out = "";
  while (out.length < 15) {
    for (const byte of randomBytes(16)) if (byte < 248 && out.length < 15) out += ALPHABET[byte % 31];
  }
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10)}`;
}

/** Replaces the user's recovery codes with ten new ones; returns them for showing once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({
    data: codes.map((code) => ({ id: `rc_${randomBytes(12).toString("hex")}`, userId, codeHash: recoveryCodeHash(code) })),
  });
  return codes;
}

/** Spends one unused code of the user's; false when it is not one or already used. One statement: two sign-ins cannot both spend it. */
export async function spendRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const spent = await tx.mfaRecoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return spent.count === 1;
}
