import { beforeEach, describe, expect, it } from "vitest";
import { anonymousActor, systemActor } from "../auth/actor";
import { db } from "../db/client";
import { testContext } from "../../tests/support/factories";
import { GENESIS_HASH } from "./canonical";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-audit-chain";

const actor = anonymousActor(testContext, "someone@example.com");

async function appendEvents(count: number) {
  for (let i = 0; i < count; i++) {
    await db.$transaction((tx) => recordAudit(tx, actor, { action: "test.event", details: { i } }));
  }
}

// Tampering needs the append-only trigger out of the way, as an attacker
// with database superuser rights could do; verify must still notice.
async function withoutGuard(...statements: string[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
    for (const sql of statements) await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
  });
}

describe("the audit chain", () => {
  beforeEach(async () => {
    await withoutGuard(`DELETE FROM "AuditEvent"`);
  });

  it("links every event to the one before it", async () => {
    await appendEvents(3);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1n, 2n, 3n]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(rows[2]!).toMatchObject({ actorType: "anonymous", actorLabel: "someone@example.com", ip: "203.0.113.7", requestId: "req-test-0001" });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3, lastSeq: "3" });
  });

  it("does not fork when many transactions write at once", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.$transaction((tx) => recordAudit(tx, systemActor(), { action: "test.concurrent", details: { i } })),
      ),
    );
    const report = await verifyAuditChain();
    expect(report).toEqual({ ok: true, count: 12, lastSeq: "12" });
    const hashes = await db.auditEvent.findMany({ select: { prevHash: true } });
    expect(new Set(hashes.map((h) => h.prevHash)).size).toBe(12);
  });

  it("rolls back with the action it records", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, actor, { action: "test.rolled_back" });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await appendEvents(1);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("names the first altered event", async () => {
    await appendEvents(5);
    await withoutGuard(`UPDATE "AuditEvent" SET "actorLabel" = 'mallory@example.com' WHERE "seq" = 3`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, badSeq: "3", count: 2 });
  });

  it("names a deleted event", async () => {
    await appendEvents(5);
    await withoutGuard(`DELETE FROM "AuditEvent" WHERE "seq" = 4`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, badSeq: "4", reason: "missing event" });
  });

  it("notices two whole events swapped in place", async () => {
    await appendEvents(4);
    // Everything but the sequence id changes places, hashes included.
    await withoutGuard(
      `UPDATE "AuditEvent" SET "hash" = 'x' || "hash" WHERE "seq" IN (2, 3)`,
      `UPDATE "AuditEvent" a SET "time" = b."time", "details" = b."details", "prevHash" = b."prevHash",
         "hash" = substr(b."hash", 2)
       FROM "AuditEvent" b WHERE (a."seq", b."seq") IN ((2, 3), (3, 2))`,
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: false, badSeq: "2" });
  });

  it("notices a replaced hash", async () => {
    await appendEvents(3);
    await withoutGuard(`UPDATE "AuditEvent" SET "hash" = repeat('a', 64) WHERE "seq" = 2`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, badSeq: "2" });
  });
});
