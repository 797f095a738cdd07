import { beforeEach, describe, expect, it } from "vitest";
import { anonymousActor } from "../../auth/actor";
import { db } from "../../db/client";
import { testContext } from "../../../tests/support/factories";
import type { AuditAction } from "../actions";
import { recordAudit, recordAudits } from "../record-audit";
import { verifyCheckpoint } from "../../../packages/contracts/src/transparency/checkpoint";
import { rootOf } from "../../../packages/contracts/src/transparency/merkle";
import { settledHorizon } from "./horizon";
import { releaseLease, sealBatch, takeLease } from "./seal";
import { sealPending } from "./sequencer";
import { signingKey } from "./signing-key";

const actor = anonymousActor(testContext, "someone@example.com");
const onPostgres = process.env.COFFER_TEST_DB === "postgres";

async function append(count: number) {
  await db.$transaction((tx) =>
    recordAudits(
      tx,
      actor,
      Array.from({ length: count }, (_, i) => ({ action: "test.event" as AuditAction, details: { i } })),
    ),
  );
}

async function tree() {
  const leaves = await db.auditLeaf.findMany({ orderBy: { leafIndex: "asc" } });
  const checkpoint = await db.auditCheckpoint.findFirst({ orderBy: { size: "desc" } });
  return { leaves, checkpoint };
}

describe("sealing", () => {
  let before: number;
  beforeEach(async () => {
    await sealPending("test");
    before = (await tree()).leaves.length;
  });

  it("seals committed events in sequence order into a tree whose signed root covers every leaf", async () => {
    await append(5);
    const report = await sealPending("test");
    expect(report.sealed).toBe(5);
    const { leaves, checkpoint } = await tree();
    const seqs = leaves.map((leaf) => leaf.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    expect(leaves.map((leaf) => Number(leaf.leafIndex))).toEqual(leaves.map((_, i) => i));
    const signed = verifyCheckpoint(checkpoint!.note, signingKey().publicKeyPem);
    expect(signed.size).toBe(leaves.length);
    expect(Buffer.from(signed.rootHash)).toEqual(rootOf(leaves.map((leaf) => Buffer.from(leaf.hash))));
  });

  it("leaves a gap for a rolled-back event and seals the rest", async () => {
    await db
      .$transaction(async (tx) => {
        await recordAudit(tx, actor, { action: "test.rolled-back" as AuditAction });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await append(1);
    await sealPending("test");
    const { leaves } = await tree();
    expect(leaves.length).toBe(before + 1);
    const events = await db.auditEvent.findMany({ where: { seq: { in: leaves.map((l) => l.seq) } } });
    expect(events.some((e) => e.action === "test.rolled-back")).toBe(false);
  });

  it("redoes a batch whose transaction died before COMMIT: no gap, no leaf twice", async () => {
    await append(3);
    const key = signingKey();
    await takeLease(db, "test");
    const horizon = (await settledHorizon(db))!;
    await db
      .$transaction(async (tx) => {
        expect((await sealBatch(tx, { holder: "test", horizon, key }))!.sealed).toBe(3);
        throw new Error("killed mid-batch");
      })
      .catch(() => undefined);
    expect((await tree()).leaves.length).toBe(before);
    expect((await sealPending("test")).sealed).toBe(3);
    const { leaves } = await tree();
    expect(new Set(leaves.map((l) => l.seq)).size).toBe(leaves.length);
    expect(leaves.length).toBe(before + 3);
  });

  it("does not seal while another node's lease is live", async () => {
    await append(1);
    expect((await sealPending("other")).leased).toBe(false);
    expect((await sealPending("test")).sealed).toBe(1);
  });

  it("lets another node take over when the holder stops renewing its lease", async () => {
    await append(1);
    await releaseLease(db, "test");
    expect(await takeLease(db, "dead-node", 1)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const report = await sealPending("test");
    expect(report).toMatchObject({ leased: true, sealed: 1 });
  });

  it.runIf(onPostgres)("waits for a transaction still in flight instead of skipping its event", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const numbered = new Promise<void>((resolve) => (taken = resolve));
    const slow = db.$transaction(async (tx) => {
      await recordAudit(tx, actor, { action: "test.slow" as AuditAction });
      taken();
      await held;
    });
    await numbered;
    await append(1); // a higher number, committed first
    const report = await sealPending("test", { maxWaitMs: 50 });
    expect(report.sealed).toBe(0);
    release();
    await slow;
    expect((await sealPending("test")).sealed).toBe(2);
    const { leaves } = await tree();
    const last = await db.auditEvent.findMany({ where: { seq: { in: leaves.slice(-2).map((l) => l.seq) } }, orderBy: { seq: "asc" } });
    expect(last.map((e) => e.action)).toEqual(["test.slow", "test.event"]);
  });
});
