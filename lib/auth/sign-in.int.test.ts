import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { Throttled, Unauthorized } from "../errors";
import { auditActions, createUser, testContext } from "../../tests/support/factories";
import { actorForSession, endSession } from "./session";
import { signIn, signInLockedFor, WRONG_CREDENTIALS } from "./sign-in";

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
    await expect(signIn({ email: "not-an-email", password: "x" }, testContext)).rejects.toThrow("email must be a valid email address");
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
    expect(await failure(signIn({ email: "erin@example.com", password: PASSWORD }, from("198.51.100.7")))).toBeInstanceOf(Unauthorized);

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

describe("the lockout under concurrent attempts", () => {
  const reasons = async (reason: string) =>
    (await db.auditEvent.findMany({ where: { action: "auth.login_failed" } })).filter(
      (e) => (e.details as { reason: string }).reason === reason,
    ).length;
  const settle = (attempts: Promise<unknown>[]) => Promise.all(attempts.map(failure));

  it("lets exactly the limit of 50 concurrent wrong passwords reach the password check", async () => {
    // Regression: 50 concurrent wrong passwords got 20 checked before the lock (limit 5).
    await createUser("hana@example.com");
    const before = await reasons("wrong_password");
    const errors = await settle(
      Array.from({ length: 50 }, (_, i) => signIn({ email: "hana@example.com", password: `wrong-${i}` }, from("198.51.100.20"))),
    );
    expect((await reasons("wrong_password")) - before).toBe(5);
    const throttled = errors.filter((e): e is Throttled => e instanceof Throttled);
    // 45 turned away before the check, and the fifth failure that locked.
    expect(throttled).toHaveLength(46);
    expect(errors.filter((e) => e instanceof Unauthorized)).toHaveLength(4);
    expect(throttled.every((e) => e.retryAfterSeconds > 0 && e.retryAfterSeconds <= 60)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", actorLabel: "hana@example.com" } })).toBe(1);
  });

  it("lets exactly the per-address limit of concurrent attempts on many accounts through", async () => {
    // Regression: the per-address limit raced the same way.
    const before = await reasons("unknown_email");
    await settle(
      Array.from({ length: 50 }, (_, i) => signIn({ email: `spray${i}@example.com`, password: "wrong" }, from("198.51.100.21"))),
    );
    expect((await reasons("unknown_email")) - before).toBe(20);
  });

  it("lets the right password in once the lockout has passed, with a fresh count", async () => {
    // Reserving tries must not outlast the lockout.
    await createUser("ivan@example.com");
    await settle(Array.from({ length: 10 }, () => signIn({ email: "ivan@example.com", password: "wrong" }, from("198.51.100.22"))));
    expect(await failure(signIn({ email: "ivan@example.com", password: PASSWORD }, from("198.51.100.23")))).toBeInstanceOf(Throttled);
    // The lockout's end, without waiting for it.
    await db.loginThrottle.update({ where: { key: "account:ivan@example.com" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(signIn({ email: "ivan@example.com", password: PASSWORD }, from("198.51.100.23"))).resolves.toMatchObject({
      email: "ivan@example.com",
    });
    expect(await failure(signIn({ email: "ivan@example.com", password: "wrong" }, from("198.51.100.23")))).toBeInstanceOf(Unauthorized);
  });

  it("forgives the account's failures when the right password comes among the first attempts", async () => {
    // A success clears the count its own reservation and the earlier failures made.
    await createUser("jude@example.com");
    const ip = from("198.51.100.24");
    const attempts = ["wrong-1", "wrong-2", "wrong-3", PASSWORD, "wrong-4"].map((password) =>
      signIn({ email: "jude@example.com", password }, ip).then(
        () => "in",
        (e: unknown) => e,
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes[3]).toBe("in");
    // However the five interleave, the success leaves the account unlocked.
    expect(await signInLockedFor("jude@example.com", ip)).toBe(0);
    // Counting starts over: four more failures still do not lock.
    for (let i = 0; i < 4; i++) {
      expect(await failure(signIn({ email: "jude@example.com", password: `again-${i}` }, ip))).toBeInstanceOf(Unauthorized);
    }
  });

  it("gives a successful attempt's try back to the address", async () => {
    // A reserved try that turns out right is not a failure of the address.
    await createUser("kira@example.com");
    const ip = from("198.51.100.25");
    for (let i = 0; i < 19; i++) await failure(signIn({ email: `nobody${i}@example.com`, password: "wrong" }, ip));
    for (let i = 0; i < 3; i++) await expect(signIn({ email: "kira@example.com", password: PASSWORD }, ip)).resolves.toBeTruthy();
    // The twentieth failure locks the address.
    expect(await failure(signIn({ email: "nobody@example.com", password: "wrong" }, ip))).toBeInstanceOf(Throttled);
    expect(await failure(signIn({ email: "kira@example.com", password: PASSWORD }, ip))).toBeInstanceOf(Throttled);
  });

  it("counts refusals during a lockout instead of appending one event each", async () => {
    // Regression: an unauthenticated flood must not write the audit chain at will;
    // every sign-in refused while locked used to append its own auth.login_failed event.
    await createUser("lena@example.com");
    const ip = from("198.51.100.26");
    for (let i = 0; i < 5; i++) await failure(signIn({ email: "lena@example.com", password: `wrong-${i}` }, ip));
    const before = await reasons("locked");
    const refused = await settle(Array.from({ length: 30 }, () => signIn({ email: "lena@example.com", password: PASSWORD }, ip)));
    expect(refused.every((e) => e instanceof Throttled)).toBe(true);
    expect((await reasons("locked")) - before).toBe(1);
    const [row] = await db.$queryRaw<
      { count: number }[]
    >`SELECT "count" FROM "CredentialRejection" WHERE "kind" = 'signin' AND "prefix" = 'lena@example.com'`;
    expect(row?.count).toBe(30);
  });
});
