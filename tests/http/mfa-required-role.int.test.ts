// Roles that require a second factor (issue 16): only owners set the flag,
// a holder without a second factor gets no token and their existing tokens
// only reach /api/v1/me*, they cannot remove their last factor, and scoped
// tokens cannot change the account's second factor at all.
import { beforeEach, describe, expect, it } from "vitest";
import * as confirmRoute from "@/app/api/v1/me/mfa/totp/confirm/route";
import * as totpRoute from "@/app/api/v1/me/mfa/totp/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as namespacesRoute from "@/app/api/v1/namespaces/route";
import * as roleRoute from "@/app/api/v1/roles/[name]/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db/client";
import { LAST_FACTOR_REQUIRED, owedEnrollment, SCOPED_TOKEN_REFUSAL } from "@/lib/auth/mfa/second-factor-policy";
import { base32Decode, hotp, timeStep } from "@/lib/auth/mfa/totp";
import { call, personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";

const PASSWORD = "correct horse battery";
const codeOf = (secret: string, offset = 0) => hotp(base32Decode(secret), timeStep(new Date()) + offset);
const ENROLL_FIRST = "Your role editor requires a second factor. Set up an authenticator app or a passkey to continue.";

async function requireOn(role: string, value = true) {
  const { user } = await createUser(`${role}-owner-${Math.random().toString(36).slice(2, 8)}@example.com`, [{ role: "owner" }]);
  const result = await call(roleRoute.PATCH, {
    token: await personalToken(user.id),
    params: { name: role },
    method: "PATCH",
    body: { requireSecondFactor: value },
  });
  expect(result.status).toBe(200);
}

/** A request to the real path, as Next.js hands it over (tests/support/api.ts calls every route at /api). */
async function at<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
) {
  const headers = new Headers({ authorization: `Bearer ${token}`, "x-forwarded-for": "192.0.2.51" });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(
    new Request(`http://coffer.test${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve({} as P) },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function passkeyOf(userId: string) {
  await db.passkey.create({
    data: {
      id: `cred-${Math.random().toString(36).slice(2)}`,
      userId,
      publicKey: new Uint8Array([1, 2, 3]),
      transports: ["internal"],
      name: "laptop",
    },
  });
}

// Each story starts with no role requiring a second factor (one database per file).
beforeEach(async () => {
  await db.role.updateMany({ data: { requireSecondFactor: false } });
});

const rejections = (email: string, action: string) =>
  db.auditEvent.findMany({ where: { action, actorLabel: email }, select: { outcome: true, details: true } });

describe("the role flag", () => {
  it("is set by an owner on a built-in role, audited with the change", async () => {
    const { user: owner } = await createUser("flag-owner@example.com", [{ role: "owner" }]);
    const token = await personalToken(owner.id);
    const on = await call(roleRoute.PATCH, { token, params: { name: "editor" }, method: "PATCH", body: { requireSecondFactor: true } });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ name: "editor", builtIn: true, requireSecondFactor: true });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "role.update", resourceName: "editor" },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ outcome: "success", actorLabel: "flag-owner@example.com" });
    expect(event.details).toMatchObject({ requireSecondFactor: { before: false, after: true } });

    // A built-in role's permissions stay fixed, even for an owner.
    const perms = await call(roleRoute.PATCH, { token, params: { name: "editor" }, method: "PATCH", body: { description: "x" } });
    expect(perms.status).toBe(409);
    expect((await call(roleRoute.PATCH, { token, params: { name: "editor" }, method: "PATCH", body: {} })).status).toBe(409);
    const wrongType = await call(roleRoute.PATCH, {
      token,
      params: { name: "editor" },
      method: "PATCH",
      body: { requireSecondFactor: "yes" },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain("requireSecondFactor must be true or false");
  });

  it("is refused to an admin (role:manage but not owner), with a denied event, for built-in and custom roles", async () => {
    const { user: admin } = await createUser("flag-admin@example.com", [{ role: "admin" }]);
    const token = await personalToken(admin.id);
    const builtIn = await call(roleRoute.PATCH, {
      token,
      params: { name: "viewer" },
      method: "PATCH",
      body: { requireSecondFactor: true },
    });
    expect(builtIn.status).toBe(403);
    expect(builtIn.body.error.message).toBe("only owners can change whether role 'viewer' requires a second factor");
    expect(await db.role.findUniqueOrThrow({ where: { name: "viewer" } })).toMatchObject({ requireSecondFactor: false });
    const denied = await db.auditEvent.findFirstOrThrow({ where: { action: "role.update", outcome: "denied", resourceName: "viewer" } });
    expect(denied.actorLabel).toBe("flag-admin@example.com");

    await db.role.create({ data: { id: "role_ci", name: "ci", permissions: ["secret:list"] } });
    const custom = await call(roleRoute.PATCH, {
      token,
      params: { name: "ci" },
      method: "PATCH",
      body: { description: "ci jobs", requireSecondFactor: true },
    });
    expect(custom.status).toBe(403);
    expect(await db.role.findUniqueOrThrow({ where: { name: "ci" } })).toMatchObject({ description: "", requireSecondFactor: false });
    // The admin still edits what they may; sending the current value changes nothing and is allowed.
    const edit = await call(roleRoute.PATCH, {
      token,
      params: { name: "ci" },
      method: "PATCH",
      body: { description: "ci jobs", requireSecondFactor: false },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ description: "ci jobs", requireSecondFactor: false });
  });
});

describe("a member who owes enrollment", () => {
  it("is owed by a grant in any namespace, and no longer once a TOTP is confirmed or a passkey added", async () => {
    await ensureNamespace("prod");
    await requireOn("editor");
    const { user } = await createUser("ns-editor@example.com", [{ role: "viewer" }, { role: "editor", namespace: "prod" }]);
    expect(await owedEnrollment(user.id)).toEqual({ role: "editor" });
    // A pending enrollment is not a second factor yet.
    const token = await personalToken(user.id);
    const enroll = await at(totpRoute.POST, "/api/v1/me/mfa/totp", token, { method: "POST" });
    expect(enroll.status).toBe(201);
    expect(await owedEnrollment(user.id)).toEqual({ role: "editor" });
    await passkeyOf(user.id);
    expect(await owedEnrollment(user.id)).toBeNull();

    const { user: viewer } = await createUser("just-viewer@example.com", [{ role: "viewer" }]);
    expect(await owedEnrollment(viewer.id)).toBeNull();
  });

  it("gets no token from the password, with a message to enroll in the console, audited", async () => {
    await requireOn("editor");
    const { user } = await createUser("cli-editor@example.com", [{ role: "editor" }]);
    const refused = await call(tokenRoute.POST, { body: { email: "cli-editor@example.com", password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`${ENROLL_FIRST} Sign in to the console and open your profile's two-factor section first.`);
    expect(await db.accessToken.count({ where: { userId: user.id } })).toBe(0);
    const events = await rejections("cli-editor@example.com", "auth.login_failed");
    expect(events).toEqual([
      expect.objectContaining({
        outcome: "denied",
        details: expect.objectContaining({ reason: "second_factor_required", role: "editor" }),
      }),
    ]);

    // The requirement is not told to someone without the password.
    const wrong = await call(tokenRoute.POST, { body: { email: "cli-editor@example.com", password: "not the password" } });
    expect(wrong.status).toBe(401);
  });

  it("keeps an existing token for /api/v1/me* only, until a second factor is confirmed", async () => {
    const { user } = await createUser("tok-editor@example.com", [{ role: "editor" }]);
    const token = await personalToken(user.id);
    expect((await at(namespacesRoute.GET, "/api/v1/namespaces", token)).status).toBe(200);
    await requireOn("editor");

    const refused = await at(namespacesRoute.GET, "/api/v1/namespaces", token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(ENROLL_FIRST);
    const events = await rejections("tok-editor@example.com", "auth.token_rejected");
    expect(events).toEqual([
      expect.objectContaining({ outcome: "denied", details: expect.objectContaining({ reason: "second_factor_required" }) }),
    ]);
    // The token itself is good: it is not revoked and /me answers.
    expect((await at(meRoute.GET, "/api/v1/me", token)).status).toBe(200);
    // The Vault API and every other route pass no /me path: refused too (tests/support/api.ts calls at /api).
    expect((await call(namespacesRoute.GET, { token })).status).toBe(403);

    // Enrolling through the token, at /api/v1/me/mfa/totp, lifts it.
    const enroll = await at(totpRoute.POST, "/api/v1/me/mfa/totp", token, { method: "POST" });
    expect(enroll.status).toBe(201);
    const confirm = await at(confirmRoute.POST, "/api/v1/me/mfa/totp/confirm", token, { body: { code: codeOf(enroll.body.secret) } });
    expect(confirm.status).toBe(200);
    expect((await at(namespacesRoute.GET, "/api/v1/namespaces", token)).status).toBe(200);
  });

  it("cannot remove their last second factor, and spends no lockout attempt trying", async () => {
    const { user } = await createUser("last-factor@example.com", [{ role: "editor" }]);
    const token = await personalToken(user.id);
    const enroll = await at(totpRoute.POST, "/api/v1/me/mfa/totp", token, { method: "POST" });
    await at(confirmRoute.POST, "/api/v1/me/mfa/totp/confirm", token, { body: { code: codeOf(enroll.body.secret) } });
    await requireOn("editor");

    const refused = await at(totpRoute.DELETE, "/api/v1/me/mfa/totp", token, { method: "DELETE", body: { password: PASSWORD } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(LAST_FACTOR_REQUIRED("editor"));
    expect(await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: expect.any(Date) });
    expect(await db.auditEvent.count({ where: { action: "mfa.failed", resourceId: user.id } })).toBe(0);

    // With a passkey left, the authenticator app may go.
    await passkeyOf(user.id);
    const removed = await at(totpRoute.DELETE, "/api/v1/me/mfa/totp", token, { method: "DELETE", body: { password: PASSWORD } });
    expect(removed.status).toBe(204);
  });

  it("may drop a pending enrollment, which takes nothing away", async () => {
    await requireOn("editor");
    const { user } = await createUser("pending-drop@example.com", [{ role: "editor" }]);
    const token = await personalToken(user.id);
    expect((await at(totpRoute.POST, "/api/v1/me/mfa/totp", token, { method: "POST" })).status).toBe(201);
    const dropped = await at(totpRoute.DELETE, "/api/v1/me/mfa/totp", token, { method: "DELETE", body: { password: PASSWORD } });
    expect(dropped.status).toBe(204);
    expect(await db.mfaTotp.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a scoped personal token", () => {
  // Regression: a token narrowed to secret:list could enroll, confirm and remove its owner's TOTP.
  it("cannot enroll, confirm or remove the account's second factor; an unscoped one can", async () => {
    const { user } = await createUser("scoped@example.com", [{ role: "editor" }]);
    const scoped = await personalToken(user.id, ["secret:list"]);
    const full = await personalToken(user.id);
    const enroll = await call(totpRoute.POST, { token: scoped });
    expect(enroll.status).toBe(403);
    expect(enroll.body.error.message).toBe(SCOPED_TOKEN_REFUSAL);
    expect(await db.mfaTotp.count({ where: { userId: user.id } })).toBe(0);

    const enrolled = await call(totpRoute.POST, { token: full });
    expect(enrolled.status).toBe(201);
    const confirm = await call(confirmRoute.POST, { token: scoped, body: { code: codeOf(enrolled.body.secret) } });
    expect(confirm.status).toBe(403);
    expect(await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: null });
    expect((await call(confirmRoute.POST, { token: full, body: { code: codeOf(enrolled.body.secret) } })).status).toBe(200);

    const remove = await call(totpRoute.DELETE, { token: scoped, method: "DELETE", body: { password: PASSWORD } });
    expect(remove.status).toBe(403);
    expect(await db.mfaTotp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: expect.any(Date) });
    // Reading whether it is on stays open to any token of the account.
    expect((await call(totpRoute.GET, { token: scoped })).status).toBe(200);
  });
});
