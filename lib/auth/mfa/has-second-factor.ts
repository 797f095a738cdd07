// Whether sign-in owes a second step: a confirmed TOTP or at least one
// passkey. Every place that decides "is a code owed?" asks here, so a
// passkey-only account is never let in on its password alone.
import { db, type Tx } from "../../db/client";

export type SecondFactorKinds = { totp: boolean; passkeys: number };

export async function secondFactorKinds(userId: string, tx: Tx = db): Promise<SecondFactorKinds> {
  // One after the other: a transaction's queries share one connection.
  const totp = await tx.mfaTotp.findUnique({ where: { userId }, select: { confirmedAt: true } });
  const passkeys = await tx.passkey.count({ where: { userId } });
  return { totp: Boolean(totp?.confirmedAt), passkeys };
}

export async function hasSecondFactor(userId: string, tx: Tx = db): Promise<boolean> {
  const kinds = await secondFactorKinds(userId, tx);
  return kinds.totp || kinds.passkeys > 0;
}
