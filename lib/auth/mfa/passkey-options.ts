// The options the browser hands to navigator.credentials.create() and
// .get(). Pure: the callers keep the challenge (as its SHA-256) in
// PostgreSQL, since any app node may receive the answer.
import { createHash } from "node:crypto";
import { generateAuthenticationOptions, generateRegistrationOptions } from "@simplewebauthn/server";
import { isoUint8Array } from "@simplewebauthn/server/helpers";
import { MINUTE_MS } from "../../time";
import type { RelyingParty } from "./passkey-relying-party";
import { knownTransports } from "./passkey-schemas";

/** How long the browser may take, and how long the server keeps a registration challenge. */
export const PASSKEY_CEREMONY_MINUTES = 5;

export type StoredCredential = { id: string; transports: string[] };

export const webauthnChallengeHash = (challenge: string) => createHash("sha256").update(challenge).digest("hex");

const descriptor = (credential: StoredCredential) => ({ id: credential.id, transports: knownTransports(credential.transports) });

/** Registration for `user`: the passkeys they already have are excluded, so one authenticator is not registered twice. */
export function registrationOptionsFor(rp: RelyingParty, user: { id: string; email: string; name: string }, existing: StoredCredential[]) {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    // The user handle: our stable id, never the email (it may change).
    userID: isoUint8Array.fromUTF8String(user.id),
    userName: user.email,
    userDisplayName: user.name,
    timeout: PASSKEY_CEREMONY_MINUTES * MINUTE_MS,
    // No attestation: Coffer trusts any authenticator the user chooses, and "none" asks nothing identifying of it.
    attestationType: "none",
    excludeCredentials: existing.map(descriptor),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
}

/** Authentication for one sign-in: only that user's passkeys are allowed. */
export function authenticationOptionsFor(rp: RelyingParty, credentials: StoredCredential[]) {
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: credentials.map(descriptor),
    userVerification: "preferred",
    timeout: PASSKEY_CEREMONY_MINUTES * MINUTE_MS,
  });
}
