import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { enqueueDueJobs } from "../jobs/recurring-jobs";
import { runNextJob } from "../jobs/run-next-job";
import { createSecret } from "../secrets/create-secret";
import { readVersion } from "../secrets/read-version";
import { DAY_MS } from "../time";
import { createUser } from "../../tests/support/factories";
import { warnExpiringSecrets } from "./expiry-warning-job";
import { runDueRotations, runRotationNow } from "./run-rotation";
import { setRotationPolicy } from "./set-rotation-policy";

const system = systemActor();
const NS = "default";

async function secretWithPolicy(name: string, every = "1h") {
  await createSecret(system, NS, { name, stringData: { value: "first" } });
  await setRotationPolicy(system, NS, name, { every, generator: { length: 24, alphabet: "hex" } });
  return db.secret.findFirstOrThrow({ where: { name }, include: { rotationPolicy: true } });
}

async function currentValue(name: string) {
  const secret = await db.secret.findFirstOrThrow({ where: { name } });
  return { version: secret.currentVersion, value: (await readVersion(db, secret, secret.currentVersion)).get("value")?.toString() };
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the rotation runner", () => {
  it("leaves a policy alone until it is due, then writes one generated version as the system", async () => {
    const { rotationPolicy } = await secretWithPolicy("not-yet");
    expect(await runDueRotations()).toEqual({ rotated: 0, failed: 0 });
    const due = rotationPolicy!.nextRunAt;

    expect(await runDueRotations(new Date(due.getTime() + 1_000))).toEqual({ rotated: 1, failed: 0 });
    const after = await currentValue("not-yet");
    expect(after.version).toBe(2);
    expect(after.value).toMatch(/^[0-9a-f]{24}$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.rotate", resourceName: "not-yet" } });
    expect(event).toMatchObject({ actorType: "system", outcome: "success" });
    expect(event.details).toMatchObject({ policy: true, trigger: "schedule", version: 2 });
    expect(JSON.stringify(event.details)).not.toContain(after.value);
  });

  it("rotates a due policy exactly once when two runners race", async () => {
    const { rotationPolicy } = await secretWithPolicy("raced");
    const now = new Date(rotationPolicy!.nextRunAt.getTime() + 1_000);
    const results = await Promise.all([runDueRotations(now), runDueRotations(now)]);
    expect(results.map((r) => r.rotated).sort()).toEqual([0, 1]);
    expect((await currentValue("raced")).version).toBe(2);
    expect(await db.secretVersion.count({ where: { secret: { name: "raced" } } })).toBe(2);
  });

  it("advances nextRunAt from the due time, not from when it ran, skipping missed beats", async () => {
    const { rotationPolicy } = await secretWithPolicy("beat", "10m");
    const due = rotationPolicy!.nextRunAt.getTime();
    const tenMinutes = 600_000;
    await runDueRotations(new Date(due + 7_000));
    let policy = await db.rotationPolicy.findUniqueOrThrow({ where: { secretId: rotationPolicy!.secretId } });
    expect(policy.nextRunAt.getTime()).toBe(due + tenMinutes);
    expect(policy.lastVersion).toBe(2);

    // Down for 35 minutes: one rotation, and the next beat stays on the original phase.
    await runDueRotations(new Date(due + tenMinutes + 35 * 60_000));
    policy = await db.rotationPolicy.findUniqueOrThrow({ where: { secretId: rotationPolicy!.secretId } });
    expect(policy.nextRunAt.getTime()).toBe(due + 5 * tenMinutes);
    expect((await currentValue("beat")).version).toBe(3);
  });

  it("records a failing rotator's error and an error event, leaving the version untouched", async () => {
    const port = await closedPort();
    await createSecret(system, NS, { name: "pg-admin", stringData: { url: `postgresql://postgres:adminpw@127.0.0.1:${port}/postgres` } });
    await createSecret(system, NS, { name: "pg-app", stringData: { username: "app_blue", password: "old-password" } });
    const secret = await db.secret.findFirstOrThrow({ where: { name: "pg-app" } });
    // Set straight in the database: PUT would refuse it, since the check cannot connect either.
    await db.rotationPolicy.create({
      data: {
        secretId: secret.id,
        everySeconds: 3_600,
        generator: { length: 32, alphabet: "alphanumeric" },
        rotator: { kind: "postgresql", admin: "pg-admin", roles: ["app_blue", "app_green"] },
        nextRunAt: new Date(Date.now() - 1_000),
      },
    });

    expect(await runDueRotations()).toEqual({ rotated: 0, failed: 1 });
    const after = await db.secret.findUniqueOrThrow({ where: { id: secret.id } });
    expect(after.currentVersion).toBe(1);
    expect((await readVersion(db, after, 1)).get("password")?.toString()).toBe("old-password");
    const policy = await db.rotationPolicy.findUniqueOrThrow({ where: { secretId: secret.id } });
    expect(policy.failures).toBe(1);
    expect(policy.lastError).toBeTruthy();
    expect(policy.lastError).not.toContain("adminpw");
    // Retried soon, not a whole interval later.
    expect(policy.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.rotation_failed", resourceName: "pg-app" } });
    expect(event).toMatchObject({ actorType: "system", outcome: "error" });
    expect(event.details).toMatchObject({ policy: true, rotator: "postgresql", error: policy.lastError });
    expect(JSON.stringify(event.details)).not.toContain("adminpw");
  });

  it("runs now on request, as the member, keeping the schedule", async () => {
    const { rotationPolicy } = await secretWithPolicy("on-demand");
    const { actor } = await createUser("rotating-editor@example.com", [{ role: "editor", namespace: NS }]);
    const result = await runRotationNow(actor, NS, "on-demand");
    expect(result).toMatchObject({ rotated: true, version: 2, error: null });
    expect(result.policy.nextRunAt).toBe(rotationPolicy!.nextRunAt.toISOString());
    expect(result.policy.lastVersion).toBe(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.rotate", resourceName: "on-demand" } });
    expect(event).toMatchObject({ actorLabel: "rotating-editor@example.com" });
    expect(event.details).toMatchObject({ policy: true, trigger: "manual" });
  });

  it("is queued by the job worker when a policy is due, and the job rotates it", async () => {
    const { rotationPolicy } = await secretWithPolicy("by-job");
    await db.rotationPolicy.update({ where: { secretId: rotationPolicy!.secretId }, data: { nextRunAt: new Date(Date.now() - 1_000) } });
    expect(await enqueueDueJobs()).toContain("secret-rotation");
    // Every job queued (the hourly purge too) runs to its end.
    while (await runNextJob("test-worker")) continue;
    expect(await db.job.findFirst({ where: { kind: "secret-rotation" }, select: { state: true } })).toEqual({ state: "done" });
    expect((await currentValue("by-job")).version).toBe(2);
    expect(await enqueueDueJobs()).not.toContain("secret-rotation");
  });
});

describe("expiry warnings", () => {
  it("records one secret.expiring event per secret within 7 days of its expiresAt", async () => {
    const now = new Date();
    await createSecret(system, NS, {
      name: "expires-soon",
      stringData: { value: "x" },
      expiresAt: new Date(now.getTime() + 3 * DAY_MS + 60_000).toISOString(),
    });
    await createSecret(system, NS, {
      name: "expires-later",
      stringData: { value: "x" },
      expiresAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
    });
    expect(await db.$transaction((tx) => warnExpiringSecrets(tx, now))).toBe(1);
    const events = await db.auditEvent.findMany({ where: { action: "secret.expiring" } });
    expect(events.map((e) => e.resourceName)).toEqual(["expires-soon"]);
    expect(events[0]).toMatchObject({ actorType: "system", namespace: NS });
    expect(events[0]!.details).toMatchObject({ daysLeft: 3 });
  });
});
