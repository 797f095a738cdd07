// COFFER_PASSWORD_LOGIN against the database: who may still sign in with a
// password (console and token API) under `owners` and `off`, checked only
// after the password is right, and every refusal audited.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db/client";
import { call } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import { signIn } from "@/lib/auth/sign-in";
import { PASSWORD_LOGIN_OFF, PASSWORD_LOGIN_OWNERS, PasswordLoginRefused } from "@/lib/auth/oidc/password-login-policy";

// config() is read once per process; these tests vary COFFER_PASSWORD_LOGIN.
const overrides = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock("@/lib/config/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/config/env")>();
  return { ...actual, config: () => ({ ...actual.config(), ...overrides }) };
});

const PASSWORD = "correct horse battery";
const from = (ip: string) => ({ ...testContext, ip });

beforeEach(() => {
  overrides.COFFER_PASSWORD_LOGIN = "all";
});

describe("COFFER_PASSWORD_LOGIN", () => {
  it("all: everyone signs in with a password", async () => {
    await createUser("ed-all@example.com", [{ role: "editor" }]);
    await expect(signIn({ email: "ed-all@example.com", password: PASSWORD }, from("198.51.100.10"))).resolves.toMatchObject({
      email: "ed-all@example.com",
    });
  });

  it("owners: only global owners sign in with a password, in the console and for an API token", async () => {
    overrides.COFFER_PASSWORD_LOGIN = "owners";
    await createUser("own-o@example.com", [{ role: "owner" }]);
    const { user: editor } = await createUser("ed-o@example.com", [{ role: "editor" }, { role: "owner", namespace: "default" }]);
    await expect(signIn({ email: "own-o@example.com", password: PASSWORD }, from("198.51.100.11"))).resolves.toMatchObject({
      email: "own-o@example.com",
    });
    const refused = signIn({ email: "ed-o@example.com", password: PASSWORD }, from("198.51.100.12"));
    await expect(refused).rejects.toBeInstanceOf(PasswordLoginRefused);
    await expect(refused).rejects.toThrow(PASSWORD_LOGIN_OWNERS);
    expect(await db.session.count({ where: { userId: editor.id } })).toBe(0);

    const token = await call(tokenRoute.POST, { body: { email: "ed-o@example.com", password: PASSWORD } });
    expect(token.status).toBe(403);
    expect(token.body.error).toMatchObject({ code: "forbidden", message: PASSWORD_LOGIN_OWNERS });
    expect(await db.accessToken.count({ where: { userId: editor.id } })).toBe(0);
    const owner = await call(tokenRoute.POST, { body: { email: "own-o@example.com", password: PASSWORD } });
    expect(owner.status).toBe(201);

    const events = await db.auditEvent.findMany({ where: { action: "auth.login_failed", resourceId: editor.id } });
    expect(events.map((e) => [e.outcome, (e.details as { reason: string }).reason])).toEqual([
      ["denied", "password_login_owners"],
      ["denied", "password_login_owners"],
    ]);
  });

  it("off: nobody signs in with a password, an owner neither; a wrong password still reads as wrong", async () => {
    overrides.COFFER_PASSWORD_LOGIN = "off";
    await createUser("own-off@example.com", [{ role: "owner" }]);
    await expect(signIn({ email: "own-off@example.com", password: PASSWORD }, from("198.51.100.13"))).rejects.toThrow(PASSWORD_LOGIN_OFF);
    // The policy is told only to who knows the password: a stranger learns nothing about the account.
    await expect(signIn({ email: "own-off@example.com", password: "wrong" }, from("198.51.100.14"))).rejects.toThrow(
      "Wrong email or password.",
    );
  });
});
