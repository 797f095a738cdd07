import "server-only";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { BadRequest, Conflict, NotFound } from "../../errors";
import { parseInput } from "../../input/parse-input";
import { MINUTE_MS } from "../../time";
import type { UserActor } from "../actor";
import { PASSKEY_CEREMONY_MINUTES, registrationOptionsFor, webauthnChallengeHash } from "./passkey-options";
import { relyingParty } from "./passkey-relying-party";
import { knownTransports, passkeyDto, PASSKEYS_MAX, registerPasskeySchema, type Passkey } from "./passkey-schemas";
import { assertMayManageOwnSecondFactor } from "./second-factor-policy";

export const TOO_MANY_PASSKEYS = `you have ${PASSKEYS_MAX} passkeys, the most an account may have: remove one first`;
export const REGISTRATION_EXPIRED = "the passkey request expired or was already used: add the passkey again";
export const REGISTRATION_UNVERIFIED = "the browser's answer could not be verified for this site: add the passkey again";
export const ALREADY_REGISTERED = "that passkey is already registered";

/**
 * POST /api/v1/me/mfa/passkeys/options: what the browser needs to create a
 * passkey for the caller. The challenge is kept (hashed) for five minutes;
 * asking again replaces it.
 */
export async function startPasskeyRegistration(actor: UserActor, now = new Date()) {
  assertMayManageOwnSecondFactor(actor);
  const rp = relyingParty();
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true } });
  if (!user) throw new NotFound("your account no longer exists");
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  if (existing.length >= PASSKEYS_MAX) throw new Conflict(TOO_MANY_PASSKEYS);
  const options = await registrationOptionsFor(rp, user, existing);
  const pending = {
    challengeHash: webauthnChallengeHash(options.challenge),
    expiresAt: new Date(now.getTime() + PASSKEY_CEREMONY_MINUTES * MINUTE_MS),
  };
  await db.passkeyRegistration.upsert({ where: { userId: user.id }, create: { userId: user.id, ...pending }, update: pending });
  return options;
}

/**
 * POST /api/v1/me/mfa/passkeys: the browser's answer to the options above.
 * The pending challenge is spent first, whatever the outcome, so an answer
 * is checked once; a verified passkey is stored with the audit event.
 */
export async function registerPasskey(actor: UserActor, input: unknown, now = new Date()): Promise<Passkey> {
  assertMayManageOwnSecondFactor(actor);
  const rp = relyingParty();
  const { name, response } = parseInput(registerPasskeySchema, input);
  const pending = await db.$transaction(async (tx) => {
    const row = await tx.passkeyRegistration.findUnique({ where: { userId: actor.id } });
    if (!row) return null;
    const spent = await tx.passkeyRegistration.deleteMany({ where: { userId: actor.id, challengeHash: row.challengeHash } });
    return spent.count === 1 && row.expiresAt > now ? row : null;
  });
  if (!pending) throw new BadRequest(REGISTRATION_EXPIRED);

  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: (challenge) => webauthnChallengeHash(challenge) === pending.challengeHash,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: false,
  }).catch(() => null);
  const info = verified?.verified ? verified.registrationInfo : undefined;
  if (!info) {
    await db.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "mfa.failed",
        outcome: "denied",
        resource: { type: "user", id: actor.id, name: actor.label },
        details: { kind: "passkey", step: "enroll", reason: "unverified_registration" },
      }),
    );
    throw new BadRequest(REGISTRATION_UNVERIFIED, { field: "response" });
  }

  const { id, publicKey, counter } = info.credential;
  return db.$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { id }, select: { id: true } })) throw new Conflict(ALREADY_REGISTERED);
    if ((await tx.passkey.count({ where: { userId: actor.id } })) >= PASSKEYS_MAX) throw new Conflict(TOO_MANY_PASSKEYS);
    const row = await tx.passkey.create({
      data: {
        id,
        userId: actor.id,
        publicKey: new Uint8Array(publicKey),
        counter: BigInt(counter),
        transports: knownTransports(response.response.transports),
        name,
      },
    });
    await recordAudit(tx, actor, {
      action: "mfa.enroll",
      resource: { type: "user", id: actor.id, name: actor.label },
      details: { kind: "passkey", passkey: name },
    });
    return passkeyDto(row);
  });
}
