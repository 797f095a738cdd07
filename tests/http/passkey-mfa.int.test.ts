// Passkeys as a second factor end to end against the database, with a
// software authenticator (real P-256 signatures, attestation "none"):
// registration, the console's passkey step, another user's passkey, a
// replayed assertion, an expired challenge, the signature counter, the
// shared lockout, the token API's answer, removal, and their audit events.
import { describe, expect, it } from "vitest";
import * as passkeysRoute from "@/app/api/v1/me/mfa/passkeys/route";
import * as passkeyRoute from "@/app/api/v1/me/mfa/passkeys/[id]/route";
import * as registrationOptionsRoute from "@/app/api/v1/me/mfa/passkeys/options/route";
import * as signInOptionsRoute from "@/app/api/v1/auth/passkey/options/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { actorForSession } from "@/lib/auth/session";
import {
  completePasskeySignIn,
  NOT_YOUR_PASSKEY,
  PASSKEY_CLONED,
  PasskeyRefused,
  PASSKEY_UNVERIFIED,
} from "@/lib/auth/mfa/passkey-sign-in";
import { REGISTRATION_EXPIRED, REGISTRATION_UNVERIFIED } from "@/lib/auth/mfa/passkey-register";
import { hasSecondFactor, secondFactorKinds } from "@/lib/auth/mfa/has-second-factor";
import { SecondFactorRequired } from "@/lib/auth/mfa/sign-in-challenge";
import { EXPIRED_CHALLENGE, signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { Throttled, Unauthorized } from "@/lib/errors";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import { SoftAuthenticator } from "./passkey-authenticator";

const PASSWORD = "correct horse battery";
const from = (ip: string) => ({ ...testContext, ip });

const events = (userId: string, action: string) =>
  db.auditEvent.findMany({ where: { action, resourceId: userId }, orderBy: { seq: "asc" }, select: { outcome: true, details: true } });
const failureReasons = async (userId: string) => (await events(userId, "mfa.failed")).map((e) => (e.details as { reason: string }).reason);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
}

/** A user with one passkey, registered through the API. */
async function withPasskey(email: string, name = "laptop") {
  const { user } = await createUser(email);
  const token = await personalToken(user.id);
  const authenticator = new SoftAuthenticator();
  const options = await call(registrationOptionsRoute.POST, { token, method: "POST" });
  expect(options.status).toBe(200);
  const created = await call(passkeysRoute.POST, {
    token,
    body: { name, response: authenticator.register({ challenge: options.body.challenge }) },
  });
  expect(created.status, created.text).toBe(201);
  return { user, token, authenticator };
}

/** The password step, which must ask for the second factor; answers its challenge. */
async function passwordStep(email: string, ip: string): Promise<string> {
  const step = await rejection(signIn({ email, password: PASSWORD }, from(ip)));
  expect(step).toBeInstanceOf(SecondFactorRequired);
  return (step as SecondFactorRequired).challenge;
}

async function signInOptions(challenge: string) {
  const options = await call(signInOptionsRoute.POST, { body: { challenge } });
  expect(options.status, options.text).toBe(200);
  return options.body as { challenge: string; allowCredentials: { id: string }[]; rpId: string; userVerification: string };
}

const finish = (challenge: string, assertion: unknown, ip: string) =>
  completePasskeySignIn({ challenge, passkey: JSON.stringify(assertion) }, from(ip));

describe("registering a passkey", () => {
  it("stores the public key under its credential id, lists it without the key, and is audited", async () => {
    const { user, token, authenticator } = await withPasskey("register@example.com", "  work laptop ");
    const list = await call(passkeysRoute.GET, { token });
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect(list.body.passkeys).toEqual([{ id: authenticator.id, name: "work laptop", createdAt: expect.any(String), lastUsedAt: null }]);
    const row = await db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } });
    expect(row).toMatchObject({ userId: user.id, counter: 0n, transports: ["internal"] });
    expect(list.text).not.toContain(Buffer.from(row.publicKey).toString("base64url"));
    expect((await events(user.id, "mfa.enroll")).map((e) => e.details)).toEqual([{ kind: "passkey", passkey: "work laptop" }]);
    expect(await secondFactorKinds(user.id)).toEqual({ totp: false, passkeys: 1 });
    expect(await hasSecondFactor(user.id)).toBe(true);

    // The next options exclude it, so the browser does not register the same authenticator twice.
    const again = await call(registrationOptionsRoute.POST, { token, method: "POST" });
    expect(again.body.excludeCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal"] }]);
    expect(again.body).toMatchObject({
      rp: { id: "localhost", name: "Coffer" },
      attestation: "none",
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    });
    // Registered anyway (a hand-made request): one credential id, one passkey.
    const duplicate = await call(passkeysRoute.POST, {
      token,
      body: { name: "again", response: authenticator.register({ challenge: again.body.challenge }) },
    });
    expect(duplicate.status).toBe(409);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("spends the registration challenge once and refuses an answer for another origin or challenge", async () => {
    const { user } = await createUser("reg-refusals@example.com");
    const token = await personalToken(user.id);
    const authenticator = new SoftAuthenticator();

    // No options asked for: nothing to answer.
    const none = await call(passkeysRoute.POST, { token, body: { name: "x", response: authenticator.register({ challenge: "AAAA" }) } });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe(REGISTRATION_EXPIRED);

    // Signed for a phishing site's origin: refused, audited, and the challenge is gone.
    const options = await call(registrationOptionsRoute.POST, { token, method: "POST" });
    const phished = authenticator.register({ challenge: options.body.challenge, origin: "https://coffer.example.evil" });
    const refused = await call(passkeysRoute.POST, { token, body: { name: "x", response: phished } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(REGISTRATION_UNVERIFIED);
    const honest = authenticator.register({ challenge: options.body.challenge });
    expect((await call(passkeysRoute.POST, { token, body: { name: "x", response: honest } })).body.error.message).toBe(
      REGISTRATION_EXPIRED,
    );

    // A challenge the server never gave.
    await call(registrationOptionsRoute.POST, { token, method: "POST" });
    const made = await call(passkeysRoute.POST, {
      token,
      body: { name: "x", response: authenticator.register({ challenge: "bWFkZS11cA" }) },
    });
    expect(made.status).toBe(400);
    // An expired one.
    const late = await call(registrationOptionsRoute.POST, { token, method: "POST" });
    await db.passkeyRegistration.update({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(passkeysRoute.POST, {
      token,
      body: { name: "x", response: authenticator.register({ challenge: late.body.challenge }) },
    });
    expect(expired.body.error.message).toBe(REGISTRATION_EXPIRED);

    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await failureReasons(user.id)).toEqual(["unverified_registration", "unverified_registration"]);
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const { user } = await createUser("reg-input@example.com");
    const token = await personalToken(user.id);
    const options = await call(registrationOptionsRoute.POST, { token, method: "POST" });
    const good = new SoftAuthenticator().register({ challenge: options.body.challenge });
    for (const body of [
      {},
      { name: "x" },
      { response: good },
      { name: "", response: good },
      { name: "n".repeat(65), response: good },
      { name: "x", response: { ...good, type: "password" } },
      { name: "x", response: { ...good, response: { ...good.response, clientDataJSON: "not base64url!" } } },
      { name: "x", response: "{}" },
    ]) {
      const answer = await call(passkeysRoute.POST, { token, body });
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("needs a personal token, and an unscoped one", async () => {
    expect((await call(registrationOptionsRoute.POST, { method: "POST" })).status).toBe(401);
    expect((await call(passkeysRoute.GET, {})).status).toBe(401);
    const { user } = await createUser("scoped@example.com");
    const scoped = await personalToken(user.id, ["secret:list"]);
    expect((await call(registrationOptionsRoute.POST, { token: scoped, method: "POST" })).status).toBe(403);
  });
});

describe("signing in with a passkey", () => {
  it("asks for the second factor after the password, allows only the user's passkeys, and opens a session", async () => {
    const { user, authenticator } = await withPasskey("signin@example.com");
    const other = await withPasskey("bystander@example.com");
    const challenge = await passwordStep("signin@example.com", "198.51.100.40");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const options = await signInOptions(challenge);
    expect(options.allowCredentials.map((c) => c.id)).toEqual([authenticator.id]);
    expect(options.allowCredentials.map((c) => c.id)).not.toContain(other.authenticator.id);
    expect(options).toMatchObject({ rpId: "localhost", userVerification: "preferred" });

    const signedIn = await finish(challenge, authenticator.assert({ challenge: options.challenge }), "198.51.100.40");
    expect(await actorForSession(signedIn.sessionId, testContext)).toMatchObject({ id: user.id });
    const login = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.login", resourceId: user.id } });
    expect(login.details).toEqual({ secondFactor: "passkey" });
    const row = await db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } });
    expect(row.counter).toBe(1n);
    expect(row.lastUsedAt).not.toBeNull();

    // The challenge is closed: the same assertion, or asking for new options, leads nowhere.
    const replay = await rejection(finish(challenge, authenticator.assert({ challenge: options.challenge }), "198.51.100.40"));
    expect((replay as Error).message).toBe(EXPIRED_CHALLENGE);
    const closed = await call(signInOptionsRoute.POST, { body: { challenge } });
    expect(closed.status).toBe(401);
    expect(closed.body.error.message).toBe(EXPIRED_CHALLENGE);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("accepts a genuine signature whose r or s is shorter than 32 bytes", async () => {
    // Regression: @simplewebauthn/server 9 (SimpleWebAuthn PR #594) padded such
    // signatures wrongly and refused about 1 in 128 genuine passkey sign-ins.
    const { user, authenticator } = await withPasskey("short-signature@example.com");
    const challenge = await passwordStep("short-signature@example.com", "198.51.100.43");
    const options = await signInOptions(challenge);
    const signedIn = await finish(
      challenge,
      authenticator.assert({ challenge: options.challenge }, { shortComponent: true }),
      "198.51.100.43",
    );
    expect(await actorForSession(signedIn.sessionId, testContext)).toMatchObject({ id: user.id });
  });

  it("refuses another user's passkey, though its signature is valid, and records it against the account", async () => {
    // The attacker knows the victim's password and holds a passkey of their own account.
    const victim = await withPasskey("victim@example.com");
    const attacker = await withPasskey("attacker@example.com");
    const challenge = await passwordStep("victim@example.com", "198.51.100.41");
    const options = await signInOptions(challenge);

    const refused = await rejection(finish(challenge, attacker.authenticator.assert({ challenge: options.challenge }), "198.51.100.41"));
    expect(refused).toBeInstanceOf(PasskeyRefused);
    expect((refused as Error).message).toBe(NOT_YOUR_PASSKEY);
    expect(await db.session.count({ where: { userId: { in: [victim.user.id, attacker.user.id] } } })).toBe(0);
    expect(await failureReasons(victim.user.id)).toEqual(["other_users_passkey"]);
    // Nothing was spent: the attacker's counter did not move, the victim's own passkey still finishes the sign-in.
    expect((await db.passkey.findUniqueOrThrow({ where: { id: attacker.authenticator.id } })).counter).toBe(0n);
    await expect(finish(challenge, victim.authenticator.assert({ challenge: options.challenge }), "198.51.100.41")).resolves.toMatchObject({
      userId: victim.user.id,
    });
  });

  it("refuses a replayed assertion in a later sign-in, a forged signature and a counter that went back", async () => {
    const { user, authenticator } = await withPasskey("replay@example.com");
    const first = await passwordStep("replay@example.com", "198.51.100.42");
    const firstOptions = await signInOptions(first);
    const captured = authenticator.assert({ challenge: firstOptions.challenge });
    await finish(first, captured, "198.51.100.42");

    // Someone who saw that assertion (and knows the password) tries it on a new sign-in.
    const second = await passwordStep("replay@example.com", "198.51.100.42");
    const secondOptions = await signInOptions(second);
    const replayed = await rejection(finish(second, captured, "198.51.100.42"));
    expect((replayed as Error).message).toBe(PASSKEY_UNVERIFIED);

    // A signature of another key under this credential id.
    const forged = new SoftAuthenticator().assert({ challenge: secondOptions.challenge });
    const forgery = await rejection(finish(second, { ...forged, id: authenticator.id, rawId: authenticator.id }, "198.51.100.42"));
    expect((forgery as Error).message).toBe(PASSKEY_UNVERIFIED);

    // A signed answer to the right challenge but with a counter that did not go up: a copied authenticator.
    const cloned = await rejection(
      finish(second, authenticator.assert({ challenge: secondOptions.challenge }, { counter: 1 }), "198.51.100.42"),
    );
    expect((cloned as Error).message).toBe(PASSKEY_CLONED);

    // Asking for options again replaces the WebAuthn challenge: an answer to the old options no longer counts.
    const thirdOptions = await signInOptions(second);
    const stale = await rejection(
      finish(second, authenticator.assert({ challenge: secondOptions.challenge }, { counter: 5 }), "198.51.100.42"),
    );
    expect((stale as Error).message).toBe(PASSKEY_UNVERIFIED);
    await expect(
      finish(second, authenticator.assert({ challenge: thirdOptions.challenge }, { counter: 6 }), "198.51.100.42"),
    ).resolves.toMatchObject({
      userId: user.id,
    });
    expect((await db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } })).counter).toBe(6n);
    expect(await failureReasons(user.id)).toEqual(["invalid_assertion", "invalid_assertion", "counter_not_increased", "invalid_assertion"]);
  });

  it("refuses an answer for another origin", async () => {
    const { user, authenticator } = await withPasskey("origin@example.com");
    const challenge = await passwordStep("origin@example.com", "198.51.100.43");
    const options = await signInOptions(challenge);
    const phished = authenticator.assert({ challenge: options.challenge, origin: "https://coffer.example.evil" });
    await expect(finish(challenge, phished, "198.51.100.43")).rejects.toThrow(PASSKEY_UNVERIFIED);
    expect(await failureReasons(user.id)).toEqual(["invalid_assertion"]);
  });

  it("refuses an expired challenge, counted and audited, and answers an unknown one with 401", async () => {
    const { user, authenticator } = await withPasskey("slow-passkey@example.com");
    const challenge = await passwordStep("slow-passkey@example.com", "198.51.100.44");
    const options = await signInOptions(challenge);
    await db.mfaChallenge.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await rejection(finish(challenge, authenticator.assert({ challenge: options.challenge }), "198.51.100.44"));
    expect(expired).toBeInstanceOf(Unauthorized);
    expect((expired as Error).message).toBe(EXPIRED_CHALLENGE);
    expect(await failureReasons(user.id)).toEqual(["expired_challenge"]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } })).counter).toBe(0n);

    const expiredOptions = await call(signInOptionsRoute.POST, { body: { challenge } });
    expect(expiredOptions.status).toBe(401);
    const unknown = await call(signInOptionsRoute.POST, { body: { challenge: "made-up" } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(EXPIRED_CHALLENGE);
    for (const body of [{}, { challenge: 5 }, { challenge: "x".repeat(101) }]) {
      expect((await call(signInOptionsRoute.POST, { body })).status).toBe(400);
    }
    await expect(completePasskeySignIn({ challenge: "made-up", passkey: "{" }, from("198.51.100.44"))).rejects.toThrow(/not JSON/);
  });

  it("counts refused assertions toward the password lockout", async () => {
    const { authenticator } = await withPasskey("lock-passkey@example.com");
    const challenge = await passwordStep("lock-passkey@example.com", "198.51.100.45");
    const options = await signInOptions(challenge);
    const errors: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const wrongOrigin = authenticator.assert({ challenge: options.challenge, origin: `https://evil-${i}.example` });
      errors.push(await rejection(finish(challenge, wrongOrigin, "198.51.100.45")));
    }
    expect(errors.slice(0, 4).every((e) => e instanceof PasskeyRefused)).toBe(true);
    expect(errors[4]).toBeInstanceOf(Throttled);
    // Locked: the right assertion waits too.
    await expect(finish(challenge, authenticator.assert({ challenge: options.challenge }), "198.51.100.45")).rejects.toBeInstanceOf(
      Throttled,
    );
  });
});

describe("a passkey-only account and the token API", () => {
  it("answers mfa_required and says to create a personal API token in the console", async () => {
    const { user } = await withPasskey("cli-passkey@example.com");
    const owed = await call(tokenRoute.POST, { body: { email: "cli-passkey@example.com", password: PASSWORD } });
    expect(owed.status).toBe(401);
    expect(owed.body.error.code).toBe("mfa_required");
    expect(owed.body.error.message).toMatch(/passkey.*personal API token/);
    // An otp cannot stand in for the passkey.
    const withOtp = await call(tokenRoute.POST, { body: { email: "cli-passkey@example.com", password: PASSWORD, otp: "123456" } });
    expect(withOtp.status).toBe(401);
    expect(await db.accessToken.count({ where: { userId: user.id, name: "coffer CLI" } })).toBe(0);
  });
});

describe("removing a passkey", () => {
  it("removes only the caller's own, is audited, and the password alone signs in afterwards", async () => {
    const { user, token, authenticator } = await withPasskey("remove-passkey@example.com", "old phone");
    const other = await withPasskey("keeps-passkey@example.com");

    const foreign = await call(passkeyRoute.DELETE, { token, method: "DELETE", params: { id: other.authenticator.id } });
    expect(foreign.status).toBe(404);
    expect(await db.passkey.count({ where: { id: other.authenticator.id } })).toBe(1);

    const removed = await call(passkeyRoute.DELETE, { token, method: "DELETE", params: { id: authenticator.id } });
    expect(removed.status).toBe(204);
    expect((await call(passkeysRoute.GET, { token })).body.passkeys).toEqual([]);
    expect((await events(user.id, "mfa.remove")).map((e) => e.details)).toEqual([{ kind: "passkey", passkey: "old phone" }]);
    expect((await call(passkeyRoute.DELETE, { token, method: "DELETE", params: { id: authenticator.id } })).status).toBe(404);
    await expect(signIn({ email: "remove-passkey@example.com", password: PASSWORD }, from("198.51.100.46"))).resolves.toMatchObject({
      userId: user.id,
    });
  });
});
