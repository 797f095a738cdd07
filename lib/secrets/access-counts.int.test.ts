import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKind, db } from "../db/client";
import { createUser } from "../../tests/support/factories";
import { countRepeatReads, flushSecretAccessCounts, startAccessCountFlusher, writeAccessCounts } from "./access-counts";
import type { PendingCount } from "./access-counts-holder";
import { createSecret } from "./create-secret";

const SECRETS = 8;
const READERS = ["service:a", "service:b", "service:c", "service:d"];
const T0 = new Date("2026-01-01T00:00:00.000Z");
let secretIds: string[];

async function resetRows() {
  await db.secretAccess.deleteMany({ where: { secretId: { in: secretIds } } });
  await db.secretAccess.createMany({
    data: secretIds.flatMap((secretId) =>
      READERS.map((readerKey) => ({
        id: `acc_${secretId}_${readerKey.slice(-1)}`,
        secretId,
        readerKey,
        readerType: "service",
        readerId: readerKey.slice(8),
        readerLabel: `default/${readerKey.slice(8)}`,
        firstReadAt: T0,
        lastReadAt: T0,
        count: 1,
      })),
    ),
  });
}

const counts = async () =>
  (await db.secretAccess.findMany({ where: { secretId: { in: secretIds } }, orderBy: [{ secretId: "asc" }, { readerKey: "asc" }] })).map(
    (a) => a.count,
  );

beforeAll(async () => {
  const { actor } = await createUser("owner@example.com", [{ role: "owner" }]);
  secretIds = [];
  for (let i = 0; i < SECRETS; i++)
    secretIds.push((await createSecret(actor, "default", { name: `s${i}`, stringData: { value: "x" } })).id);
  // Many other readers of another secret, as on a busy instance: with a
  // table this size the planner looks rows up by index in the order a
  // batch lists them, which is the order that can deadlock.
  const busy = (await createSecret(actor, "default", { name: "busy", stringData: { value: "x" } })).id;
  await db.$executeRaw`
    INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
    SELECT 'acc_busy_' || i, ${busy}, 'service:busy' || i, 'service', 'busy' || i, 'default/busy' || i, now(), now(), 1 FROM generate_series(1, 20000) AS i`;
  await db.$executeRawUnsafe(`ANALYZE "SecretAccess"`);
});

beforeEach(async () => {
  await flushSecretAccessCounts();
  await resetRows();
});

describe("secret access counts", () => {
  // Two app nodes flush the same hot rows at the same moment, their
  // batches in opposite orders: the rows must be locked in one order
  // whatever order a batch lists them in, or the two deadlock (40P01).
  it("two nodes flushing the same rows in opposite orders queue instead of deadlocking", async () => {
    const rows: PendingCount[] = secretIds.flatMap((secretId) =>
      READERS.map((readerKey) => ({ secretId, readerKey, readerLabel: `default/${readerKey.slice(8)}`, count: 1, lastReadAt: new Date() })),
    );
    const reversed = [...rows].reverse();
    const writers = databaseKind() === "pglite" ? 2 : 8;
    const rounds = databaseKind() === "pglite" ? 2 : 15;
    for (let round = 0; round < rounds; round++) {
      const written = await Promise.all(Array.from({ length: writers }, (_, i) => writeAccessCounts(i % 2 ? reversed : rows)));
      expect(written).toEqual(Array.from({ length: writers }, () => rows.length));
    }
    expect(await counts()).toEqual(rows.map(() => 1 + writers * rounds));
  }, 60_000);

  it("adds repeat reads to their rows once, with the latest read time", async () => {
    const [first, second] = secretIds as [string, string];
    const reader = { type: "service" as const, id: "a", label: "default/a" };
    const later = new Date(T0.getTime() + 60_000);
    countRepeatReads(
      new Map([
        [first, 2],
        [second, 1],
      ]),
      reader,
      later,
    );
    // A node whose reads happened before the row's last read does not move it back.
    countRepeatReads(new Map([[first, 3]]), reader, new Date(T0.getTime() + 1_000));
    expect(await flushSecretAccessCounts()).toBe(2);
    const row = await db.secretAccess.findUniqueOrThrow({ where: { secretId_readerKey: { secretId: first, readerKey: "service:a" } } });
    expect(row).toMatchObject({ count: 6, lastReadAt: later, firstReadAt: T0 });
    expect(await flushSecretAccessCounts()).toBe(0);
    expect((await db.secretAccess.findUniqueOrThrow({ where: { id: row.id } })).count).toBe(6);
  });

  it("keeps the counts of a failed flush for the next one", async () => {
    const secretId = secretIds[0]!;
    countRepeatReads(new Map([[secretId, 4]]), { type: "service", id: "b", label: "default/b" }, new Date());
    await db.$executeRawUnsafe(
      `CREATE FUNCTION coffer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'database busy'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_access" BEFORE UPDATE ON "SecretAccess" FOR EACH ROW EXECUTE FUNCTION coffer_test_refuse()`,
    );
    try {
      await expect(flushSecretAccessCounts()).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_access" ON "SecretAccess"`);
      await db.$executeRawUnsafe(`DROP FUNCTION coffer_test_refuse()`);
    }
    expect(await flushSecretAccessCounts()).toBe(1);
    const row = await db.secretAccess.findUniqueOrThrow({ where: { secretId_readerKey: { secretId, readerKey: "service:b" } } });
    expect(row.count).toBe(5);
  });

  it("gives a count whose row is gone to nobody", async () => {
    const secretId = secretIds[1]!;
    await db.secretAccess.deleteMany({ where: { secretId } });
    countRepeatReads(new Map([[secretId, 3]]), { type: "service", id: "c", label: "default/c" }, new Date());
    expect(await flushSecretAccessCounts()).toBe(0);
    expect(await db.secretAccess.count({ where: { secretId } })).toBe(0);
  });

  // Last in this file: a stopped flusher stays stopped for the process.
  it("flushes on its own, and at shutdown writes what is pending and then each late read at once", async () => {
    const secretId = secretIds[2]!;
    const reader = { type: "service" as const, id: "d", label: "default/d" };
    const count = async () =>
      (await db.secretAccess.findUniqueOrThrow({ where: { secretId_readerKey: { secretId, readerKey: "service:d" } } })).count;
    const until = async (expected: number) => {
      for (let i = 0; i < 100 && (await count()) !== expected; i++) await new Promise((r) => setTimeout(r, 50));
      return count();
    };
    const flusher = startAccessCountFlusher({ intervalMs: 50 })!;
    countRepeatReads(new Map([[secretId, 2]]), reader, new Date());
    expect(await until(3)).toBe(3);

    countRepeatReads(new Map([[secretId, 1]]), reader, new Date());
    await flusher.stop();
    expect(await count()).toBe(4);
    // A request still in flight at shutdown commits after the last flush.
    countRepeatReads(new Map([[secretId, 5]]), reader, new Date());
    expect(await until(9)).toBe(9);
  });
});
