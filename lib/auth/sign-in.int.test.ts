import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { Throttled, Unauthorized } from "../http/errors";
import { auditActions, createUser, testContext } from "../../tests/support/factories";
import { actorForSession, endSession } from "./session";
import { signIn, WRONG_CREDENTIALS } from "./sign-in";

const PASSWORD = "correct horse battery";
// Each test signs in from its own address so per-address counters do not mix.
const from = (ip: string) => ({ ...testContext, ip });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the sign-in to fail");
    },
    (error: unknown) => error,
  );
}

describe("signing in", () => {
  it("opens a database session and records the login", async () => {
    const { user } = await createUser("ada@example.com");
    const signedIn = await signIn({ email: " ADA@example.com ", password: PASSWORD }, from("198.51.100.1"));
    expect(signedIn).toMatchObject({ userId: user.id, email: "ada@example.com" });
    const actor = await actorForSession(signedIn.sessionId, testContext);
    expect(actor).toMatchObject({ type: "user", id: user.id, label: "ada@example.com" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();

    await endSession(actor!);
    expect(await actorForSession(signedIn.sessionId, testContext)).toBeNull();
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["auth.login", "auth.logout"]);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    await createUser("bob@example.com");
    const wrongPassword = await failure(signIn({ email: "bob@example.com", password: "nope" }, from("198.51.100.2")));
    const unknownEmail = await failure(signIn({ email: "nobody@example.com", password: PASSWORD }, from("198.51.100.2")));
    expect(wrongPassword).toBeInstanceOf(Unauthorized);
    expect(unknownEmail).toBeInstanceOf(Unauthorized);
    expect((wrongPassword as Error).message).toBe(WRONG_CREDENTIALS);
    expect((unknownEmail as Error).message).toBe(WRONG_CREDENTIALS);
    const failed = await db.auditEvent.findMany({ where: { action: "auth.login_failed" }, orderBy: { seq: "asc" } });
    expect(failed.slice(-2).map((e) => [e.actorLabel, e.outcome])).toEqual([
      ["bob@example.com", "denied"],
      ["nobody@example.com", "denied"],
    ]);
    // Audit details say why, but never carry the password that was tried.
    expect(JSON.stringify(failed.map((e) => e.details))).not.toContain(PASSWORD);
  });

  it("rejects malformed input naming the field", async () => {
    await expect(signIn({ email: "not-an-email", password: "x" }, testContext)).rejects.toThrow(
      "email must be a valid email address",
    );
    await expect(signIn({ email: "a@example.com" }, testContext)).rejects.toThrow("password is required");
  });

  it("locks an account after five failures, even for the right password", async () => {
    await createUser("carol@example.com");
    const ip = from("198.51.100.3");
    for (let i = 0; i < 4; i++) {
      expect(await failure(signIn({ email: "carol@example.com", password: `wrong-${i}` }, ip))).toBeInstanceOf(Unauthorized);
    }
    // The fifth failure locks, and says so.
    expect(await failure(signIn({ email: "carol@example.com", password: "wrong-5" }, ip))).toBeInstanceOf(Throttled);
    const locked = await failure(signIn({ email: "carol@example.com", password: PASSWORD }, from("198.51.100.4")));
    expect(locked).toBeInstanceOf(Throttled);
    expect((locked as Throttled).retryAfterSeconds).toBeGreaterThan(0);
    expect((locked as Throttled).retryAfterSeconds).toBeLessThanOrEqual(60);
    const lockouts = await db.auditEvent.findMany({ where: { action: "auth.lockout" } });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]!.details).toEqual({ scope: "account", seconds: 60 });
  });

  it("locks an address that tries many accounts", async () => {
    const ip = from("198.51.100.5");
    for (let i = 0; i < 20; i++) {
      await failure(signIn({ email: `guess${i}@example.com`, password: "wrong" }, ip));
    }
    await createUser("dave@example.com");
    expect(await failure(signIn({ email: "dave@example.com", password: PASSWORD }, ip))).toBeInstanceOf(Throttled);
    // The same account from elsewhere is not affected.
    await expect(signIn({ email: "dave@example.com", password: PASSWORD }, from("198.51.100.6"))).resolves.toMatchObject({
      email: "dave@example.com",
    });
  });

  it("refuses a disabled user, and ends the sessions of one disabled later", async () => {
    await createUser("erin@example.com", [], { disabled: true });
    expect(await failure(signIn({ email: "erin@example.com", password: PASSWORD }, from("198.51.100.7")))).toBeInstanceOf(
      Unauthorized,
    );

    const { user } = await createUser("frank@example.com");
    const session = await signIn({ email: "frank@example.com", password: PASSWORD }, from("198.51.100.7"));
    expect(await actorForSession(session.sessionId, testContext)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await actorForSession(session.sessionId, testContext)).toBeNull();
  });

  it("ends the sessions of a deleted user at once", async () => {
    const { user } = await createUser("gina@example.com");
    const session = await signIn({ email: "gina@example.com", password: PASSWORD }, from("198.51.100.8"));
    await db.user.delete({ where: { id: user.id } });
    expect(await actorForSession(session.sessionId, testContext)).toBeNull();
  });
});
