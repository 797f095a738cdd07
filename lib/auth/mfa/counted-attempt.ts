// A second-factor or password check made after sign-in started (the code of
// a sign-in, the password or code that removes TOTP), counted against the
// same per-account and per-address lockout as wrong passwords: guessing
// six digits must cost as much as guessing a password.
import { recordCredentialRejection } from "../../audit/credential-rejections";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { Throttled, type DomainError } from "../../errors";
import { anonymousActor, type RequestContext } from "../actor";
import { accountKey, releaseAttempt, reserveAttempt, signInThrottle, stillLocked } from "../login-throttle";
import { recordLockouts, throttledMessage, type VerifiedUser } from "../sign-in";

export type Refusal = { reason: string; error: () => DomainError };

/**
 * Runs `check` once the attempt is counted. It returns the result, or a
 * refusal: then an `mfa.failed` event (and `auth.lockout` when this try
 * locked) is recorded and the refusal's error thrown.
 */
export async function countedAttempt<T>(
  user: VerifiedUser,
  context: RequestContext,
  check: () => Promise<{ ok: true; value: T } | { ok: false; refusal: Refusal }>,
): Promise<T> {
  const throttle = signInThrottle(user.email, context.ip);
  const reservation = await reserveAttempt(throttle.keys, throttle.options);
  if (!reservation.allowed) {
    await recordCredentialRejection({ kind: "signin", reason: "locked", token: null, prefix: user.email, context, label: user.email });
    throw new Throttled(throttledMessage(reservation.retryAfterSeconds), reservation.retryAfterSeconds);
  }
  const result = await check();
  if (result.ok) {
    await releaseAttempt(reservation, [accountKey(user.email)]);
    return result.value;
  }
  const locked = await stillLocked(reservation.locked);
  const actor = anonymousActor(context, user.email);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: "mfa.failed",
      outcome: "denied",
      resource: { type: "user", id: user.id, name: user.email },
      details: { reason: result.refusal.reason },
    });
    await recordLockouts(tx, actor, locked, throttle.options.lockoutSeconds);
  });
  if (locked.length) throw new Throttled(throttledMessage(throttle.options.lockoutSeconds), throttle.options.lockoutSeconds);
  throw result.refusal.error();
}
