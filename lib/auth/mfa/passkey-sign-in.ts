// The passkey way through the second sign-in step. The password step's
// challenge names the user; options for it allow only that user's
// passkeys, and the WebAuthn challenge they carry is kept (as its SHA-256)
// on the same MfaChallenge row. The assertion is checked against that row,
// counted by the lockout like a code, and the row is closed in the
// transaction that opens the session.
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { z } from "zod";
import { db, type Tx } from "../../db/client";
import { BadRequest, Unauthorized } from "../../errors";
import { parseInput } from "../../input/parse-input";
import type { RequestContext } from "../actor";
import { EXPIRED_CHALLENGE, openSession, type SignedIn, type VerifiedUser } from "../sign-in";
import { countedAttempt, type Refusal } from "./counted-attempt";
import { secondFactorKinds, type SecondFactorKinds } from "./has-second-factor";
import { authenticationOptionsFor, webauthnChallengeHash } from "./passkey-options";
import { relyingParty } from "./passkey-relying-party";
import {
  ASSERTION_JSON_MAX,
  authenticationResponseSchema,
  passkeyOptionsInputSchema,
  type AuthenticationResponse,
} from "./passkey-schemas";
import { challengedUser, challengeId } from "./sign-in-challenge";

export const NO_PASSKEYS = "This account has no passkey. Enter the code from your authenticator app.";
export const NOT_YOUR_PASSKEY = "That passkey is not one of this account's. Use a passkey you added to your profile.";
export const PASSKEY_UNVERIFIED = "The passkey's answer could not be verified. Try again.";
export const PASSKEY_CLONED =
  "This passkey's signature counter went backwards, a sign it was copied. Sign in another way and remove it from your profile.";

/** Refused passkey sign-ins: Unauthorized with the refusal's reason, for Auth.js and the form. */
export class PasskeyRefused extends Unauthorized {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** POST /api/v1/auth/passkey/options: authentication options for one live sign-in, its user's passkeys only. */
export async function passkeySignInOptions(input: unknown, now = new Date()) {
  const { challenge } = parseInput(passkeyOptionsInputSchema, input);
  const rp = relyingParty();
  const user = await challengedUser(challenge, now);
  if (!user) throw new Unauthorized(EXPIRED_CHALLENGE);
  const credentials = await db.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  if (!credentials.length) throw new BadRequest(NO_PASSKEYS);
  const options = await authenticationOptionsFor(rp, credentials);
  // Each offer replaces the last: only the newest options' answer can finish this sign-in.
  const offered = await db.mfaChallenge.updateMany({
    where: { id: challengeId(challenge), expiresAt: { gt: now } },
    data: { webauthnChallengeHash: webauthnChallengeHash(options.challenge) },
  });
  if (offered.count !== 1) throw new Unauthorized(EXPIRED_CHALLENGE);
  return options;
}

export const passkeySignInSchema = z.object({
  challenge: passkeyOptionsInputSchema.shape.challenge,
  passkey: z.string({ error: "the passkey's answer is missing" }).min(1).max(ASSERTION_JSON_MAX, "the passkey's answer is too long"),
});

/** The assertion the browser produced, from the JSON text the login form carries. */
export function parseAssertion(text: string): AuthenticationResponse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequest("the passkey's answer is not JSON", { field: "passkey" });
  }
  return parseInput(authenticationResponseSchema, json);
}

/**
 * The second step with a passkey: the challenge of the password step and
 * the assertion (JSON text). An expired challenge is still attributed to
 * its user, so it is counted and audited like any failed try.
 */
export async function completePasskeySignIn(input: unknown, context: RequestContext): Promise<SignedIn> {
  const { challenge, passkey } = parseInput(passkeySignInSchema, input);
  const response = parseAssertion(passkey);
  const row = await db.mfaChallenge.findUnique({
    where: { id: challengeId(challenge) },
    select: { user: { select: { id: true, email: true, name: true, disabled: true } } },
  });
  if (!row || row.user.disabled) throw new Unauthorized(EXPIRED_CHALLENGE);
  const user: VerifiedUser = { id: row.user.id, email: row.user.email, name: row.user.name };
  return verifyPasskeyAssertion(user, challenge, response, context, (tx) => openSession(tx, user, context, "passkey"));
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}
const refuse = (reason: string, message: string): never => {
  throw new Refused({
    reason,
    error: () => (reason === "expired_challenge" ? new Unauthorized(message) : new PasskeyRefused(reason, message)),
  });
};

/**
 * Verifies the assertion for `user`'s sign-in `challenge`; `then` runs in
 * the same transaction. Any refusal rolls everything back (the challenge
 * stays open for another try, until the lockout) and is recorded by
 * countedAttempt as `mfa.failed` with its reason.
 */
export async function verifyPasskeyAssertion<T>(
  user: VerifiedUser,
  challenge: string,
  response: AuthenticationResponse,
  context: RequestContext,
  then: (tx: Tx) => Promise<T>,
): Promise<T> {
  const rp = relyingParty();
  return countedAttempt(user, context, async () => {
    try {
      return { ok: true as const, value: await db.$transaction((tx) => spendAssertion(tx, user, challenge, response, rp, then)) };
    } catch (error) {
      if (error instanceof Refused) return { ok: false as const, refusal: error.refusal };
      throw error;
    }
  });
}

async function spendAssertion<T>(
  tx: Tx,
  user: VerifiedUser,
  challenge: string,
  response: AuthenticationResponse,
  rp: ReturnType<typeof relyingParty>,
  then: (tx: Tx) => Promise<T>,
): Promise<T> {
  const now = new Date();
  const row = await tx.mfaChallenge.findUnique({ where: { id: challengeId(challenge) } });
  if (!row || row.userId !== user.id || row.expiresAt <= now) return refuse("expired_challenge", EXPIRED_CHALLENGE);
  const offered = row.webauthnChallengeHash;
  if (!offered) return refuse("no_passkey_options", PASSKEY_UNVERIFIED);
  const passkey = await tx.passkey.findUnique({ where: { id: response.id } });
  // allowCredentials keeps an honest browser to this user's passkeys; a
  // hand-made request could name anyone's, whose signature would be valid.
  if (!passkey) return refuse("unknown_passkey", NOT_YOUR_PASSKEY);
  if (passkey.userId !== user.id) return refuse("other_users_passkey", NOT_YOUR_PASSKEY);

  let newCounter: number;
  try {
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (c) => webauthnChallengeHash(c) === offered,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.publicKey),
        // Checked below, once the signature is known to be good: an unverified answer's counter proves nothing.
        counter: 0,
      },
      requireUserVerification: false,
    });
    if (!verified.verified) return refuse("invalid_assertion", PASSKEY_UNVERIFIED);
    newCounter = verified.authenticationInfo.newCounter;
  } catch (error) {
    if (error instanceof Refused) throw error;
    return refuse("invalid_assertion", PASSKEY_UNVERIFIED);
  }
  // A counter that did not go up (when either is non-zero, W3C WebAuthn §7.2 step 21): a cloned authenticator.
  const stored = Number(passkey.counter);
  if ((newCounter > 0 || stored > 0) && newCounter <= stored) return refuse("counter_not_increased", PASSKEY_CLONED);

  // Spent in one transaction: the sign-in challenge (only with the options
  // just verified against), then the counter (only from the value read).
  const closed = await tx.mfaChallenge.deleteMany({
    where: { id: row.id, expiresAt: { gt: now }, webauthnChallengeHash: offered },
  });
  if (closed.count !== 1) return refuse("expired_challenge", EXPIRED_CHALLENGE);
  const moved = await tx.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
  if (moved.count !== 1) return refuse("replayed_assertion", PASSKEY_UNVERIFIED);
  return then(tx);
}

/** Which second factors the user of a live sign-in challenge has, so the form offers only those; null when it is not live. */
export async function challengeKinds(challenge: string): Promise<SecondFactorKinds | null> {
  const user = await challengedUser(challenge);
  return user ? secondFactorKinds(user.id) : null;
}
