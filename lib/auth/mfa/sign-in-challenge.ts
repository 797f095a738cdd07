// The console's second sign-in step. After the right password, a user with
// TOTP gets a challenge instead of a session: a random token the login form
// carries to the code step. It lives in PostgreSQL (any app node may answer
// the second step), names its user, lasts five minutes and is used once;
// only its hash is stored, like every other credential.
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "../../db/client";
import { MfaRequired } from "../../errors";
import { MINUTE_MS } from "../../time";
import type { VerifiedUser } from "../sign-in";

export const CHALLENGE_MINUTES = 5;

export const challengeId = (token: string) => createHash("sha256").update(token).digest("hex");

/** Thrown by the password step when a code is owed; carries the challenge for the form. */
export class SecondFactorRequired extends MfaRequired {
  constructor(readonly challenge: string) {
    super("Enter the code from your authenticator app, or a recovery code.");
  }
}

export async function openChallenge(userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    // Abandoned challenges of this user go with each new one, so they cannot pile up.
    await tx.mfaChallenge.deleteMany({ where: { userId, expiresAt: { lte: now } } });
    await tx.mfaChallenge.create({
      data: { id: challengeId(token), userId, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * MINUTE_MS) },
    });
  });
  return token;
}

/** The user a live challenge names, or null (unknown, expired, or the user was disabled meanwhile). */
export async function challengedUser(token: string, now = new Date()): Promise<VerifiedUser | null> {
  if (!token || token.length > 100) return null;
  const row = await db.mfaChallenge.findUnique({
    where: { id: challengeId(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, disabled: true } } },
  });
  if (!row || row.expiresAt <= now || row.user.disabled) return null;
  return { id: row.user.id, email: row.user.email, name: row.user.name };
}

/** Uses the challenge up; false when another request already did. */
export async function closeChallenge(tx: Tx, token: string, now = new Date()): Promise<boolean> {
  const closed = await tx.mfaChallenge.deleteMany({ where: { id: challengeId(token), expiresAt: { gt: now } } });
  return closed.count === 1;
}
