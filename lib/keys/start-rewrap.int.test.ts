import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { Conflict } from "../errors";
import { PermissionDenied } from "../rbac/authorize";
import { auditActions, createUser } from "../../tests/support/factories";
import { cancelRewrap } from "./cancel-rewrap";
import { getEncryptionStatus } from "./get-encryption-status";
import { setProcessKeyring } from "./process-keyring";
import { startRewrap } from "./start-rewrap";
import { createSealedVersions, localKeyring } from "./test-support/sealed-versions";

let owner: Awaited<ReturnType<typeof createUser>>["actor"];
let viewer: Awaited<ReturnType<typeof createUser>>["actor"];

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  viewer = (await createUser("viewer@example.com", [{ role: "viewer" }])).actor;
  await createSealedVersions(localKeyring("key1"), 5);
  setProcessKeyring(localKeyring("key2", "key1"));
});

afterAll(() => setProcessKeyring(undefined));

beforeEach(async () => {
  await db.job.deleteMany({});
});

describe("startRewrap", () => {
  it("refuses a viewer and records the denial, without queuing a job", async () => {
    await expect(startRewrap(viewer)).rejects.toBeInstanceOf(PermissionDenied);
    expect(await db.job.count()).toBe(0);
    expect((await auditActions()).at(-1)).toEqual({
      action: "key.rewrap_start",
      outcome: "denied",
      actorLabel: "viewer@example.com",
    });
  });

  it("lets an owner queue a job counting the versions not under the primary key", async () => {
    const job = await startRewrap(owner);
    expect(job).toMatchObject({ kind: "rewrap", state: "queued", progress: 0, total: 5, error: null, startedAt: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key.rewrap_start", outcome: "success" } });
    expect(event).toMatchObject({ actorLabel: "owner@example.com", resourceType: "job", resourceId: job.id });
    expect(event.details).toEqual({ total: 5, primary: "key2" });
  });

  it("answers a second start with 409 while the first is queued or running", async () => {
    const first = await startRewrap(owner);
    const second = await startRewrap(owner).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(Conflict);
    expect((second as Conflict).status).toBe(409);
    expect((second as Conflict).message).toBe("a re-wrap job is already queued (0 of 5 done)");
    await db.job.update({ where: { id: first.id }, data: { state: "running" } });
    await expect(startRewrap(owner)).rejects.toThrow("a re-wrap job is already running");
    await db.job.update({ where: { id: first.id }, data: { state: "done" } });
    await expect(startRewrap(owner)).resolves.toMatchObject({ state: "queued" });
  });

  it("queues only one job when two starts race", async () => {
    const results = await Promise.allSettled([startRewrap(owner), startRewrap(owner), startRewrap(owner)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.job.count()).toBe(1);
  });
});

describe("cancelRewrap", () => {
  it("refuses a viewer, cancels for an owner, and then has nothing to cancel", async () => {
    const job = await startRewrap(owner);
    await expect(cancelRewrap(viewer)).rejects.toBeInstanceOf(PermissionDenied);
    const cancelled = await cancelRewrap(owner);
    expect(cancelled).toMatchObject({ id: job.id, state: "cancelled" });
    expect(cancelled.finishedAt).not.toBeNull();
    await expect(cancelRewrap(owner)).rejects.toThrow("no re-wrap job is queued or running");
    const actions = (await auditActions()).slice(-2);
    expect(actions).toEqual([
      { action: "key.rewrap_cancel", outcome: "denied", actorLabel: "viewer@example.com" },
      { action: "key.rewrap_cancel", outcome: "success", actorLabel: "owner@example.com" },
    ]);
  });
});

describe("getEncryptionStatus", () => {
  it("shows key:manage holders the keys and the latest job", async () => {
    const job = await startRewrap(owner);
    expect(await getEncryptionStatus(owner)).toEqual({
      source: "keyring-file",
      primary: "key2",
      keys: [
        { kekName: "key2", versions: 0, totpSecrets: 0, inKeyring: true, primary: true },
        { kekName: "key1", versions: 5, totpSecrets: 0, inKeyring: true, primary: false },
      ],
      job,
    });
  });

  it("names the generated key file only when the key was generated", async () => {
    setProcessKeyring({ ...localKeyring("key2", "key1"), source: "generated", generatedPath: "/srv/.coffer/master.key" });
    try {
      expect(await getEncryptionStatus(owner)).toMatchObject({ source: "generated", generatedPath: "/srv/.coffer/master.key" });
    } finally {
      setProcessKeyring(localKeyring("key2", "key1"));
    }
  });

  it("refuses a viewer and records the denial", async () => {
    await expect(getEncryptionStatus(viewer)).rejects.toBeInstanceOf(PermissionDenied);
    expect((await auditActions()).at(-1)).toEqual({ action: "key.status", outcome: "denied", actorLabel: "viewer@example.com" });
  });

  it("lets an admin in, and records nothing for a read", async () => {
    const { actor: admin } = await createUser("admin@example.com", [{ role: "admin" }]);
    const before = await db.auditEvent.count();
    await getEncryptionStatus(admin);
    expect(await db.auditEvent.count()).toBe(before);
  });
});
