import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealPending } from "../audit/log/sequencer";
import { verifyAuditLog } from "../audit/log/verify-log";
import { decryptVersion } from "../crypto";
import { db } from "../db/client";
import { claimJob } from "../jobs/claim-job";
import { runJob } from "../jobs/run-job";
import { runJobStep } from "../jobs/run-job-step";
import { runNextJob } from "../jobs/run-next-job";
import { assertNoLeak } from "../../tests/support/leak-canary";
import { createUser } from "../../tests/support/factories";
import { openTotpSecret, sealTotpSecret } from "../auth/mfa/totp-secret";
import { assertKeyringCoversData } from "./assert-keyring-covers-data";
import { cancelRewrap } from "./cancel-rewrap";
import { keyUsage } from "./key-usage";
import { setProcessKeyring } from "./process-keyring";
import { rewrapJobHandler } from "./rewrap-handler";
import { REWRAP_BATCH, REWRAP_JOB_KIND } from "./rewrap-job";
import { startRewrap } from "./start-rewrap";
import { createSealedVersions, localKeyring, plaintextOf, testKey, type StoredRow } from "./test-support/sealed-versions";

// One checkpoint file for this file: the run's data directory is shared,
// and other files seal other databases' trees into theirs.
process.env.COFFER_DATA_DIR = join(mkdtempSync(join(tmpdir(), "coffer-rewrap-")), "data");

const COUNT = 2 * REWRAP_BATCH + 50;
let owner: Awaited<ReturnType<typeof createUser>>["actor"];

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
});

afterAll(() => setProcessKeyring(undefined));

/** COUNT versions sealed under key1, then a keyring that adds key2 as the new primary. */
async function rotatedData(): Promise<StoredRow[]> {
  await db.job.deleteMany({});
  await db.secret.deleteMany({});
  setProcessKeyring(localKeyring("key1"));
  const rows = await createSealedVersions(localKeyring("key1"), COUNT);
  setProcessKeyring(localKeyring("key2", "key1"));
  return rows;
}

const kekCounts = async () =>
  Object.fromEntries((await db.secretVersion.groupBy({ by: ["kekName"], _count: { _all: true } })).map((g) => [g.kekName, g._count._all]));

describe("the re-wrap job", () => {
  let rows: StoredRow[];
  beforeEach(async () => {
    rows = await rotatedData();
  });

  it("moves every data key to the primary key and leaves every payload as it was", async () => {
    const job = await startRewrap(owner);
    expect(job.total).toBe(COUNT);
    expect(await runNextJob("worker-a")).toBe("finished");

    expect(await kekCounts()).toEqual({ key2: COUNT });
    const stored = await db.secretVersion.findMany({ orderBy: { id: "asc" } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const key2Only = localKeyring("key2").keyring;
    for (const row of stored) {
      const original = byId.get(row.id)!;
      expect(Buffer.from(row.ciphertext).equals(Buffer.from(original.ciphertext))).toBe(true);
      expect(Buffer.from(row.nonce).equals(Buffer.from(original.nonce))).toBe(true);
      const index = rows.indexOf(original);
      const plaintext = await decryptVersion(key2Only, { ...row, secretId: row.secretId, version: row.version });
      expect(plaintext.toString()).toBe(plaintextOf(index).toString());
    }

    const done = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ state: "done", progress: COUNT, total: COUNT, error: null, lockedBy: null });
    expect(done.finishedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key.rewrap_done", resourceId: job.id } });
    expect(event).toMatchObject({ actorType: "system", actorLabel: "coffer", outcome: "success", resourceId: job.id });
    expect(event.details).toEqual({ rewrapped: COUNT, primary: "key2" });
    await sealPending("test");
    expect(await verifyAuditLog()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("resumes after a crash with what is left, on another worker", async () => {
    const job = await startRewrap(owner);
    const first = (await claimJob("worker-a", [REWRAP_JOB_KIND]))!;
    expect(await runJobStep(first, rewrapJobHandler)).toBe("more");
    expect(await kekCounts()).toEqual({ key2: REWRAP_BATCH, key1: COUNT - REWRAP_BATCH });

    // worker-a dies: its job stays "running" and the heartbeat goes stale.
    expect(await claimJob("worker-b", [REWRAP_JOB_KIND])).toBeNull();
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } });
    const resumed = (await claimJob("worker-b", [REWRAP_JOB_KIND]))!;
    expect(resumed).toMatchObject({ id: job.id, progress: REWRAP_BATCH, workerId: "worker-b" });

    // A worker that lost its lease changes nothing, should it wake up.
    expect(await runJobStep(first, rewrapJobHandler)).toBe("stopped");
    expect(await kekCounts()).toEqual({ key2: REWRAP_BATCH, key1: COUNT - REWRAP_BATCH });

    expect(await runJob(resumed, rewrapJobHandler)).toBe("finished");
    expect(await kekCounts()).toEqual({ key2: COUNT });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "done",
      progress: COUNT,
      lockedBy: null,
    });
  });

  it("stops between batches when cancelled, and a new job continues with the rest", async () => {
    const job = await startRewrap(owner);
    const claimed = (await claimJob("worker-a", [REWRAP_JOB_KIND]))!;
    expect(await runJobStep(claimed, rewrapJobHandler)).toBe("more");
    expect(await cancelRewrap(owner)).toMatchObject({ state: "cancelled", progress: REWRAP_BATCH });
    expect(await runJob(claimed, rewrapJobHandler)).toBe("stopped");
    expect(await kekCounts()).toEqual({ key2: REWRAP_BATCH, key1: COUNT - REWRAP_BATCH });
    expect(await db.auditEvent.count({ where: { action: "key.rewrap_done", resourceId: job.id } })).toBe(0);

    const next = await startRewrap(owner);
    expect(next.total).toBe(COUNT - REWRAP_BATCH);
    expect(await runNextJob("worker-b")).toBe("finished");
    expect(await kekCounts()).toEqual({ key2: COUNT });
  });

  it("never runs a job cancelled while still queued", async () => {
    await startRewrap(owner);
    await cancelRewrap(owner);
    expect(await claimJob("worker-a", [REWRAP_JOB_KIND])).toBeNull();
    expect(await kekCounts()).toEqual({ key1: COUNT });
  });
});

// Regression: the re-wrap and the start-up key check looked only at secret
// versions, so a member's TOTP secret stayed under a key that could then be
// removed, and that member could never sign in again.
describe("members' TOTP secrets under a rotated key", () => {
  it("move to the primary key with the versions, open under it alone, and block removing the old key until then", async () => {
    await rotatedData();
    await db.mfaTotp.deleteMany({});
    setProcessKeyring(localKeyring("key1"));
    const member = await createUser(`totp-${Date.now()}@example.com`, [{ role: "viewer" }]);
    const secret = Buffer.from("12345678901234567890");
    await db.mfaTotp.create({ data: { userId: member.user.id, ...(await sealTotpSecret(member.user.id, secret)) } });
    setProcessKeyring(localKeyring("key2", "key1"));

    const keyTwoOnly = localKeyring("key2");
    const usage = await keyUsage(db, keyTwoOnly.keyring);
    expect(usage.find((k) => k.kekName === "key1")).toMatchObject({ inKeyring: false, totpSecrets: 1 });
    await expect(assertKeyringCoversData(keyTwoOnly)).rejects.toThrow(/1 member's TOTP secret/);

    const job = await startRewrap(owner);
    expect(job.total).toBe(COUNT + 1);
    expect(await runNextJob("worker-a")).toBe("finished");
    const row = await db.mfaTotp.findUniqueOrThrow({ where: { userId: member.user.id } });
    expect(row.kekName).toBe("key2");
    setProcessKeyring(keyTwoOnly);
    expect(await openTotpSecret(member.user.id, row)).toEqual(secret);
    await expect(assertKeyringCoversData(keyTwoOnly)).resolves.toBeUndefined();
  });
});

describe("a failing re-wrap", () => {
  it("stops with a message that names the key and shows no key material, and is audited", async () => {
    await rotatedData();
    // A version under a key the keyring has never had.
    await createSealedVersions(localKeyring("ghost"), 1, "ghost");
    const job = await startRewrap(owner);
    expect(await runNextJob("worker-a")).toBe("failed");

    const failed = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/^key "ghost" is not in the keyring \(secret [0-9a-z]{25}\)/);
    expect(failed.finishedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key.rewrap_failed" } });
    expect(event).toMatchObject({ actorType: "system", outcome: "error", resourceId: job.id });
    expect(event.details).toMatchObject({ error: failed.error });
    // Batches before the failing one stay done; the failing one rolled back.
    expect((await kekCounts()).ghost).toBe(1);
    const shown = new Error(`${failed.error} ${JSON.stringify(event.details)}`);
    assertNoLeak(shown, plaintextOf(0), testKey("key1"), testKey("key2"), testKey("ghost"));
  });
});
