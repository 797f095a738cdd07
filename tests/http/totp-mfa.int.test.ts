// TOTP second factor end to end against the database: enrollment, the
// token API's mfa_required, the console's challenge step, replay, recovery
// codes, the shared lockout, removal, and the audit trail of each.
import { describe, expect, it } from "vitest";
import * as confirmRoute from "@/app/api/v1/me/mfa/totp/confirm/route";
import * as totpRoute from "@/app/api/v1/me/mfa/totp/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db/client";
import { Throttled, Unauthorized } from "@/lib/errors";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import { actorForSession } from "@/lib/auth/session";
import { completeSignIn, EXPIRED_CHALLENGE, signIn } from "@/lib/auth/sign-in";
import { WRONG_CODE } from "@/lib/auth/mfa/second-factor";
import { SecondFactorRequired } from "@/lib/auth/mfa/sign-in-challenge";
import { base32Decode, hotp, timeStep } from "@/lib/auth/mfa/totp";

const PASSWORD = "correct horse battery";
const from = (ip: string) => ({ ...testContext, ip });

/** A code of the secret `offset` steps from now: +1 is still in the window, and after the current one. */
const codeOf = (secret: string, offset = 0) => hotp(base32Decode(secret), timeStep(new Date()) + offset);

async function enrolled(email: string) {
  const { user } = await createUser(email);
  const token = await personalToken(user.id);
  const enroll = await call(totpRoute.POST, { token });
  expect(enroll.status).toBe(201);
  const secret: string = enroll.body.secret;
  const confirm = await call(confirmRoute.POST, { token, body: { code: codeOf(secret) } });
  expect(confirm.status).toBe(200);
  return { user, token, secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

const events = (userId: string, action: string) =>
  db.auditEvent.findMany({
    where: { action, resourceId: userId },
    orderBy: { seq: "asc" },
    select: { outcome: true, details: true, actorType: true },
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
}

describe("enrolling TOTP", () => {
  it("is pending until a code confirms it, seals the secret and hashes the recovery codes", async () => {
    const { user } = await createUser("enroll@example.com");
    const token = await personalToken(user.id);
    const enroll = await call(totpRoute.POST, { token });
    expect(enroll.status).toBe(201);
    expect(enroll.headers.get("cache-control")).toBe("no-store");
    expect(enroll.body.otpauthUrl).toBe(
      `otpauth://totp/Coffer:enroll%40example.com?secret=${enroll.body.secret}&issuer=Coffer&algorithm=SHA1&digits=6&period=30`,
    );
    expect((await call(totpRoute.GET, { token })).body).toEqual({ enabled: false, pending: true, confirmedAt: null, recoveryCodesLeft: 0 });
    // Not active yet: the password alone still signs in.
    await expect(signIn({ email: "enroll@example.com", password: PASSWORD }, from("198.51.100.10"))).resolves.toMatchObject({
      userId: user.id,
    });

    // A wrong code confirms nothing and is recorded.
    const wrong = await call(confirmRoute.POST, { token, body: { code: codeOf(enroll.body.secret, 5) } });
    expect(wrong.status).toBe(400);
    expect(await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: null });
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await events(user.id, "mfa.failed")).map((e) => e.outcome)).toEqual(["denied"]);

    const confirm = await call(confirmRoute.POST, { token, body: { code: codeOf(enroll.body.secret) } });
    expect(confirm.status).toBe(200);
    const codes: string[] = confirm.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await call(totpRoute.GET, { token })).body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });

    // At rest: neither the secret nor a recovery code appears in any column.
    const row = await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } });
    const secretBytes = base32Decode(enroll.body.secret);
    expect(Buffer.from(row.ciphertext).includes(secretBytes)).toBe(false);
    const stored = JSON.stringify(await db.mfaRecoveryCode.findMany({ where: { userId: user.id } }));
    for (const code of codes) expect(stored).not.toContain(code);

    // Enrolling over a confirmed authenticator is refused; the old one stays.
    expect((await call(totpRoute.POST, { token })).status).toBe(409);
    expect(Buffer.from((await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).ciphertext)).toEqual(
      Buffer.from(row.ciphertext),
    );
    expect((await events(user.id, "mfa.enroll")).length).toBe(1);
    expect((await events(user.id, "mfa.confirm")).length).toBe(1);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { user } = await createUser("badinput@example.com");
    const token = await personalToken(user.id);
    expect((await call(confirmRoute.POST, { token, body: { code: "123456" } })).status).toBe(400); // nothing enrolled
    await call(totpRoute.POST, { token });
    for (const body of [{}, { code: 123456 }, { code: "" }, { code: "1".repeat(65) }]) {
      expect((await call(confirmRoute.POST, { token, body })).status).toBe(400);
    }
    expect((await call(confirmRoute.POST, { token, rawBody: "{" })).status).toBe(400);
    expect((await call(totpRoute.DELETE, { token, method: "DELETE", body: {} })).status).toBe(400);
    expect((await call(totpRoute.DELETE, { token, method: "DELETE", body: { password: 5 } })).status).toBe(400);
    expect(await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: null });
  });

  it("needs a personal token", async () => {
    expect((await call(totpRoute.POST, {})).status).toBe(401);
    expect((await call(confirmRoute.POST, { body: { code: "123456" } })).status).toBe(401);
  });
});

describe("POST /api/v1/auth/token with a second factor", () => {
  it("answers mfa_required until otp comes, refuses a replayed code, takes a recovery code once", async () => {
    const { user, secret, recoveryCodes } = await enrolled("cli-mfa@example.com");
    const body = { email: "cli-mfa@example.com", password: PASSWORD };

    const owed = await call(tokenRoute.POST, { body });
    expect(owed.status).toBe(401);
    expect(owed.body.error.code).toBe("mfa_required");
    expect(owed.body.error.message).toMatch(/otp/);
    // A wrong password is still the plain 401: mfa_required says the password was right.
    expect((await call(tokenRoute.POST, { body: { ...body, password: "wrong" } })).body.error.code).toBe("unauthorized");

    // The confirming code's step is spent: the same code cannot sign in.
    const replay = await call(tokenRoute.POST, { body: { ...body, otp: codeOf(secret) } });
    expect(replay.status).toBe(401);
    const next = await call(tokenRoute.POST, { body: { ...body, otp: codeOf(secret, 1) } });
    expect(next.status).toBe(201);
    expect(next.body.token).toMatch(/^cfp_/);
    expect((await call(tokenRoute.POST, { body: { ...body, otp: codeOf(secret, 1) } })).status).toBe(401);

    const recovery = recoveryCodes[3]!;
    expect((await call(tokenRoute.POST, { body: { ...body, otp: recovery.toUpperCase() } })).status).toBe(201);
    const again = await call(tokenRoute.POST, { body: { ...body, otp: recovery } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("unauthorized");

    expect(await db.accessToken.count({ where: { userId: user.id, name: "coffer CLI" } })).toBe(2);
    expect((await events(user.id, "mfa.recovery_used")).map((e) => e.details)).toEqual([{ remaining: 9 }]);
    expect((await events(user.id, "mfa.failed")).map((e) => (e.details as { reason: string }).reason)).toEqual([
      "replayed_code",
      "replayed_code",
      "wrong_code",
    ]);
  });

  it("counts wrong codes toward the password lockout", async () => {
    const { user, secret } = await enrolled("guess@example.com");
    const body = { email: "guess@example.com", password: PASSWORD };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(tokenRoute.POST, { body: { ...body, otp: codeOf(secret, 10 + i) } })).status);
    // Four refusals and the fifth that locks the account.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Locked: even the right password and code wait, and no token is made.
    expect((await call(tokenRoute.POST, { body: { ...body, otp: codeOf(secret, 1) } })).status).toBe(429);
    expect(await db.accessToken.count({ where: { userId: user.id, name: "coffer CLI" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", actorLabel: "guess@example.com" } })).toBe(1);
    expect((await events(user.id, "mfa.failed")).length).toBe(5);
  });
});

describe("signing in to the console with a second factor", () => {
  it("gives a challenge for the password, a session for the code, and uses the challenge once", async () => {
    const { user, secret, recoveryCodes } = await enrolled("console-mfa@example.com");
    const context = from("198.51.100.20");
    const step1 = await rejection(signIn({ email: "console-mfa@example.com", password: PASSWORD }, context));
    expect(step1).toBeInstanceOf(SecondFactorRequired);
    const challenge = (step1 as SecondFactorRequired).challenge;
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const wrong = await rejection(completeSignIn({ challenge, code: codeOf(secret, 7) }, context));
    expect(wrong).toBeInstanceOf(Unauthorized);
    expect((wrong as Error).message).toBe(WRONG_CODE);

    const signedIn = await completeSignIn({ challenge, code: codeOf(secret, 1) }, context);
    expect(await actorForSession(signedIn.sessionId, testContext)).toMatchObject({ id: user.id });
    const login = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.login", resourceId: user.id } });
    expect(login.details).toEqual({ secondFactor: "totp" });

    // Used once: a recovery code on the same challenge is refused and not spent.
    const reused = await rejection(completeSignIn({ challenge, code: recoveryCodes[0]! }, context));
    expect((reused as Error).message).toBe(EXPIRED_CHALLENGE);
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    // Nor does a made-up challenge lead anywhere.
    await expect(completeSignIn({ challenge: "forged", code: codeOf(secret, 1) }, context)).rejects.toThrow(EXPIRED_CHALLENGE);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired challenge without spending the code", async () => {
    const { user, secret } = await enrolled("slow@example.com");
    const context = from("198.51.100.21");
    const step1 = (await rejection(signIn({ email: "slow@example.com", password: PASSWORD }, context))) as SecondFactorRequired;
    await db.mfaChallenge.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(completeSignIn({ challenge: step1.challenge, code: codeOf(secret, 1) }, context)).rejects.toThrow(EXPIRED_CHALLENGE);
    const row = await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.lastUsedStep).toBeLessThan(timeStep(new Date()) + 1);
  });

  it("locks the account after wrong codes, the same lock the password step obeys", async () => {
    await enrolled("lock-console@example.com");
    const context = from("198.51.100.22");
    const step1 = (await rejection(signIn({ email: "lock-console@example.com", password: PASSWORD }, context))) as SecondFactorRequired;
    const errors: unknown[] = [];
    for (let i = 0; i < 5; i++) errors.push(await rejection(completeSignIn({ challenge: step1.challenge, code: `00000${i}` }, context)));
    expect(errors.slice(0, 4).every((e) => e instanceof Unauthorized)).toBe(true);
    expect(errors[4]).toBeInstanceOf(Throttled);
    await expect(signIn({ email: "lock-console@example.com", password: PASSWORD }, from("198.51.100.23"))).rejects.toBeInstanceOf(
      Throttled,
    );
  });
});

describe("removing TOTP", () => {
  it("takes a current code or the password, never neither, and is audited", async () => {
    const { user, token, secret } = await enrolled("remove@example.com");
    const wrong = await call(totpRoute.DELETE, { token, method: "DELETE", body: { password: "not it" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("wrong code or password");
    expect((await call(totpRoute.GET, { token })).body.enabled).toBe(true);

    const removed = await call(totpRoute.DELETE, { token, method: "DELETE", body: { code: codeOf(secret, 1) } });
    expect(removed.status).toBe(204);
    expect((await call(totpRoute.GET, { token })).body).toEqual({
      enabled: false,
      pending: false,
      confirmedAt: null,
      recoveryCodesLeft: 0,
    });
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await events(user.id, "mfa.remove")).map((e) => e.details)).toEqual([{ proof: "code", wasConfirmed: true }]);
    expect((await events(user.id, "mfa.failed")).map((e) => e.details)).toEqual([{ reason: "wrong_password" }]);
    expect((await call(totpRoute.DELETE, { token, method: "DELETE", body: { password: PASSWORD } })).status).toBe(404);
    // The password alone signs in again.
    await expect(signIn({ email: "remove@example.com", password: PASSWORD }, from("198.51.100.30"))).resolves.toMatchObject({
      userId: user.id,
    });
  });
});
