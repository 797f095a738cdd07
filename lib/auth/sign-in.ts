// Email + password sign-in with throttling, lockout and audit events.
// Wrong email and wrong password get the same answer and the same cost.
import { z } from "zod";
import { recordCredentialRejection } from "../audit/credential-rejections";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { Throttled, Unauthorized } from "../errors";
import { issuesBadRequest } from "../input/parse-input";
import { anonymousActor, userActor, type AnonymousActor, type RequestContext } from "./actor";
import { emailField } from "./email";
import { otpField } from "./mfa/otp-field";
import { hasSecondFactor } from "./mfa/has-second-factor";
import { verifySecondFactor, type SecondFactorKind } from "./mfa/second-factor";
import { challengedUser, closeChallenge, openChallenge, SecondFactorRequired } from "./mfa/sign-in-challenge";
import { accountKey, lockedFor, releaseAttempt, reserveAttempt, signInThrottle, stillLocked } from "./login-throttle";
import { verifyPassword } from "./password";
import { openSessionRow } from "./session";
import { assertPasswordLoginAllowed } from "./oidc/password-login-policy";

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "password is required" }).min(1, "password is required").max(1024, "password is too long"),
});

export const WRONG_CREDENTIALS = "Wrong email or password.";

export function throttledMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-ins. Try again in ${seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes === 1 ? "" : "s"}`}.`;
}

export function parseSignIn(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw issuesBadRequest(parsed.error);
  return parsed.data;
}

/** Seconds the account or address must wait; 0 when it may try. */
export async function signInLockedFor(email: string, context: RequestContext): Promise<number> {
  const normalized = emailField.safeParse(email);
  return lockedFor(signInThrottle(normalized.success ? normalized.data : null, context.ip).keys.map((k) => k.key));
}

export type SignedIn = { userId: string; email: string; name: string; sessionId: string };
export type VerifiedUser = { id: string; email: string; name: string };

/**
 * Checks email and password with throttling and lockout, recording every
 * failure; returns the user on success. Shared by the sign-in form and
 * POST /api/v1/auth/token.
 */
export async function verifyCredentials(input: unknown, context: RequestContext): Promise<VerifiedUser> {
  const { email, password } = parseSignIn(input);
  const anonymous = anonymousActor(context, email);

  // The try is counted before the password is checked, in the same step
  // that decides whether it may be made: concurrent attempts cannot all
  // pass a lock that none of them has set yet.
  const throttle = signInThrottle(email, context.ip);
  const reservation = await reserveAttempt(throttle.keys, throttle.options);
  if (!reservation.allowed) {
    // Counted, not appended per request: the first refusal of a window is
    // an event, the rest follow as one summary with their count.
    await recordCredentialRejection({ kind: "signin", reason: "locked", token: null, prefix: email, context, label: email });
    throw new Throttled(throttledMessage(reservation.retryAfterSeconds), reservation.retryAfterSeconds);
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (user && passwordOk && !user.disabled) {
    // With a second factor the password alone forgives nothing: wrong codes
    // keep counting until a right code (lib/auth/mfa/counted-attempt.ts).
    await releaseAttempt(reservation, (await hasSecondFactor(user.id)) ? [] : [accountKey(email)]);
    await assertPasswordLoginAllowed(user, context); // COFFER_PASSWORD_LOGIN (issue 16, SSO)
    return { id: user.id, email: user.email, name: user.name };
  }

  // A success that came in meanwhile may have lifted the lock this try set.
  const locked = await stillLocked(reservation.locked);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, anonymous, {
      action: "auth.login_failed",
      outcome: "denied",
      resource: user ? { type: "user", id: user.id, name: user.email } : undefined,
      details: { reason: !user ? "unknown_email" : user.disabled ? "disabled" : "wrong_password" },
    });
    await recordLockouts(tx, anonymous, locked, throttle.options.lockoutSeconds);
  });
  // The failure that locks says so at once rather than on the next try.
  const lockout = throttle.options.lockoutSeconds;
  if (locked.length) throw new Throttled(throttledMessage(lockout), lockout);
  throw new Unauthorized(WRONG_CREDENTIALS);
}

/** One `auth.lockout` event per key a failed try has just locked. */
export async function recordLockouts(tx: Tx, actor: AnonymousActor, locked: string[], seconds: number): Promise<void> {
  for (const key of locked) {
    await recordAudit(tx, actor, {
      action: "auth.lockout",
      outcome: "denied",
      details: { scope: key.startsWith("ip:") ? "ip" : "account", seconds },
    });
  }
}

/**
 * Browser sign-in: verified credentials open a database session, unless
 * the user has TOTP or a passkey: then SecondFactorRequired carries a
 * challenge for completeSignIn (or completePasskeySignIn).
 */
export async function signIn(input: unknown, context: RequestContext): Promise<SignedIn> {
  const user = await verifyCredentials(input, context);
  if (await hasSecondFactor(user.id)) throw new SecondFactorRequired(await openChallenge(user.id));
  return db.$transaction((tx) => openSession(tx, user, context));
}

export const challengeSignInSchema = z.object({
  challenge: z.string({ error: "the sign-in expired" }).min(1, "the sign-in expired").max(100, "the sign-in expired"),
  code: otpField,
});

export const EXPIRED_CHALLENGE = "The sign-in expired. Enter your password again.";

/** The second step: a challenge of the password step and a TOTP or recovery code. */
export async function completeSignIn(input: unknown, context: RequestContext): Promise<SignedIn> {
  const parsed = challengeSignInSchema.safeParse(input);
  if (!parsed.success) throw issuesBadRequest(parsed.error);
  const { challenge, code } = parsed.data;
  const user = await challengedUser(challenge);
  if (!user) throw new Unauthorized(EXPIRED_CHALLENGE);
  return verifySecondFactor(user, code, context, async (tx, kind) => {
    // Closed in the transaction that spends the code: a challenge raced by two tabs opens one session.
    if (!(await closeChallenge(tx, challenge))) throw new Unauthorized(EXPIRED_CHALLENGE);
    return openSession(tx, user, context, kind);
  });
}

/** Opens the session and records the sign-in; `secondFactor` names what the second step used. */
export async function openSession(
  tx: Tx,
  user: VerifiedUser,
  context: RequestContext,
  secondFactor?: SecondFactorKind | "passkey",
): Promise<SignedIn> {
  const sessionId = await openSessionRow(tx, user.id, context);
  await recordAudit(tx, userActor(user, context), {
    action: "auth.login",
    resource: { type: "user", id: user.id, name: user.email },
    ...(secondFactor ? { details: { secondFactor } } : {}),
  });
  return { userId: user.id, email: user.email, name: user.name, sessionId };
}
