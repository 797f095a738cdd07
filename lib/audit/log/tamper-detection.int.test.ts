// What a database superuser can do to the audit log, and what verification
// says about it. Each test plays one attack with the rights such
// a user has: the append-only triggers switched off inside a transaction
// (ALTER TABLE … DISABLE TRIGGER), rows deleted, edited and re-hashed,
// checkpoints forged. Only the signing key and the checkpoint file are out
// of reach, as they are in a real deployment.
//
// The attacks on sealed events; the archive and the triggers' own guard are
// in tamper-archive.int.test.ts.
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anonymousActor } from "../../auth/actor";
import { db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { rawAuditRows } from "../audit-rows";
import type { AuditAction } from "../actions";
import { recordAudits } from "../record-audit";
import { signCheckpoint } from "../../../packages/contracts/src/transparency/checkpoint";
import { checkpointFile, readLocalCheckpoints } from "./outside-copies";
import { eventLeafHash } from "./seal";
import { sealPending } from "./sequencer";
import { signingKey } from "./signing-key";
import {
  append,
  asSuperuser,
  AUDIT_TABLES,
  checkpointLines,
  dataDir,
  jobReport,
  otherKey,
  rehashTree,
  sealed,
  threeCheckpoints,
  registerTamperHooks,
  verify,
} from "./test-support/tamper-fixture";

registerTamperHooks();

describe("verifying the audit log", () => {
  it("keeps its checkpoint file beside this file's own data directory", () => {
    expect(checkpointFile()).toBe(join(dataDir, "..", "audit-checkpoints.jsonl"));
  });

  it("passes an intact log, counting what it checked and what is not sealed yet", async () => {
    await sealed(5);
    await sealed(3);
    await append(2);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, checked: 8, archived: 0, unsealed: 2, problem: null });
    expect(report.head).toMatchObject({ size: 8, keyId: signingKey().keyId });
    expect(report.outside).toEqual({ ...report.head, source: "file" });
    expect(readLocalCheckpoints()!.map((c) => c.size)).toEqual([5, 8]);
    // The job's events and the two above, sealed: more leaves, more steps.
    await sealPending("test");
    const leaves = await db.auditLeaf.count();
    expect(leaves).toBe(12);
    const job = await jobReport();
    expect(job.steps).toBe(1 + leaves / 4);
    expect(job.report).toMatchObject({ ok: true, checked: leaves, unsealed: 1, problem: null });
  });

  it("passes events whose text needs escaping, on every walk", async () => {
    const tricky = ['say "hi"', "back\\slash", "line\nbreak\ttab\r", "\u0001\u001f\u007f", "\u2028\u2029", "é 中 😀", "", "null"];
    await db.$transaction((tx) =>
      recordAudits(
        tx,
        anonymousActor({ ip: null, userAgent: tricky[3]!, requestId: null }, tricky[0]!),
        tricky.map((text, i) => ({
          action: "test.tricky" as AuditAction,
          resource: { type: "secret", name: text },
          namespace: i % 2 ? null : text,
          details: { [text]: text, z: [1, 2.5, true, null], a: { nested: text } },
        })),
      ),
    );
    await sealPending("test");
    expect(await verify()).toMatchObject({ ok: true, checked: tricky.length, problem: null });
  });

  it("passes an empty log", async () => {
    expect(await verify()).toEqual({ ok: true, checked: 0, archived: 0, unsealed: 0, head: null, outside: null, problem: null });
  });

  it("finds the last events deleted with their leaves, nodes and checkpoints", async () => {
    // Attack: a careful superuser deletes the newest events and everything
    // the tree held of them, so that the database on its own is consistent.
    const seqs = await threeCheckpoints();
    await asSuperuser(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" > ${seqs[9]!}`;
      await tx.$executeRaw`DELETE FROM "AuditLeaf" WHERE "leafIndex" >= 10`;
      await tx.$executeRaw`DELETE FROM "AuditNode" WHERE ("index" + 1) * power(2, "level") > 10`;
      await tx.$executeRaw`DELETE FROM "AuditCheckpoint" WHERE "size" > 10`;
      await tx.$executeRaw`UPDATE "AuditSequencer" SET "sealedThroughSeq" = ${seqs[9]!} WHERE "id" = 1`;
    });
    const report = await verify();
    expect(report).toMatchObject({
      ok: false,
      problem: { code: "deleted", range: { afterSeq: String(seqs[9]), throughSeq: String(seqs[14]) } },
    });
    expect(report.problem!.message).toContain("5 sealed events were deleted");
    expect(report.outside).toMatchObject({ size: 15, source: "file" });
    // The database alone holds up: only the copy outside it shows the deletion.
    const older = checkpointLines().trim().split("\n").slice(0, 2).join("\n");
    expect(await verify({ given: older })).toMatchObject({ ok: true, checked: 10, outside: { size: 10, source: "given" } });
  });

  it("finds every audit table emptied", async () => {
    // Attack: DELETE from all four audit tables, as if the instance were new.
    await threeCheckpoints();
    await asSuperuser(async (tx) => {
      for (const table of AUDIT_TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
    });
    const report = await verify();
    expect(report).toMatchObject({ ok: false, checked: 0, head: null, problem: { code: "deleted" } });
    expect(report.problem!.message).toMatch(
      /^a signed checkpoint in the checkpoint file covers 15 leaves .*but the database's tree has none: 15 sealed events were deleted$/,
    );
  });

  it("names an event edited in place", async () => {
    // Attack: UPDATE an event's details, leaving the tree alone.
    const seqs = await threeCheckpoints();
    await asSuperuser(
      (tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"i": 1, "note": "nothing to see"}' WHERE "seq" = ${seqs[6]!}`,
    );
    expect(await verify()).toMatchObject({ ok: false, checked: 6, problem: { code: "edited", firstBadSeq: String(seqs[6]) } });
  });

  it("names an event whose row was deleted from under its leaf", async () => {
    // Attack: DELETE one event, keeping the tree.
    const seqs = await threeCheckpoints();
    await asSuperuser((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${seqs[11]!}`);
    expect(await verify()).toMatchObject({ ok: false, checked: 11, problem: { code: "missing-event", firstBadSeq: String(seqs[11]) } });
  });

  it("finds a leaf cut out of the middle of the tree", async () => {
    // Attack: DELETE an event and its leaf, leaving the leaf indexes with a hole.
    const seqs = await threeCheckpoints();
    await asSuperuser(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${seqs[3]!}`;
      await tx.$executeRaw`DELETE FROM "AuditLeaf" WHERE "leafIndex" = 3`;
    });
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 3,
      problem: { code: "deleted", range: { afterSeq: String(seqs[2]), throughSeq: String(seqs[4]! - 1n) } },
    });
  });

  it("refuses an edit re-hashed into the tree under a checkpoint signed with another key", async () => {
    // Attack: edit an event, recompute its leaf and every node, and replace
    // the newest checkpoint by one over the new root, signed with a key of the attacker's.
    const seqs = await threeCheckpoints();
    await asSuperuser((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'mallory@example.com' WHERE "seq" = ${seqs[12]!}`);
    await rehashTree(otherKey);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, head: null, problem: { code: "bad-signature" } });
    expect(report.problem!.message).toMatch(/^the database's newest checkpoint \(size 15\) is not signed by this log's key/);
  });

  it("finds an edit re-hashed into the tree and bounds it between two checkpoints", async () => {
    // Attack: edit an event, recompute its leaf and every node; the signed
    // checkpoints cannot be redone, so they stay as they were.
    const seqs = await threeCheckpoints();
    await asSuperuser((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'denied' WHERE "seq" = ${seqs[7]!}`);
    await rehashTree();
    const report = await verify();
    // Leaves 0-4 still give checkpoint 5's root; checkpoint 10's does not match.
    expect(report).toMatchObject({
      ok: false,
      checked: 10,
      problem: { code: "rewritten", range: { afterSeq: String(seqs[4]), throughSeq: String(seqs[9]) } },
    });
    // Without the file, the database's own newest checkpoint still catches it.
    rmSync(checkpointFile());
    expect(await verify()).toMatchObject({
      ok: false,
      problem: { code: "rewritten", range: { afterSeq: null, throughSeq: String(seqs[14]) } },
    });
  });

  it("refuses a forged checkpoint given as the copy from outside", async () => {
    // Attack: hand verification a checkpoint of the attacker's (a smaller
    // tree, say) signed with another key, in place of the real copy.
    await threeCheckpoints();
    const forged = signCheckpoint(
      { origin: otherKey.name, size: 15, rootHash: Buffer.alloc(32, 7), time: new Date() },
      otherKey.privateKey,
    );
    const report = await verify({ given: forged });
    expect(report).toMatchObject({ ok: false, outside: null, problem: { code: "bad-signature" } });
    expect(report.problem!.message).toMatch(/^the newest checkpoint in the checkpoints given is not signed by this log's key/);
    // A forged line appended to the checkpoint file is refused the same way.
    appendFileSync(
      checkpointFile(),
      `${JSON.stringify({ origin: otherKey.name, size: 16, rootHash: Buffer.alloc(32).toString("base64"), time: new Date().toISOString(), lastSeq: "1", keyId: otherKey.keyId, note: forged })}\n`,
    );
    expect(await verify()).toMatchObject({ ok: false, problem: { code: "bad-signature" } });
  });

  it("finds leaves added to the tree past the sequencer", async () => {
    // Attack: insert an event and a leaf for it by hand; no checkpoint can be signed for it.
    const seqs = await sealed(4);
    const [forged] = await append(1);
    const [event] = await rawAuditRows(db, Prisma.sql`"AuditEvent"."seq" = ${forged!}`, -1n, 1);
    await asSuperuser(async (tx) => {
      await tx.$executeRaw`INSERT INTO "AuditLeaf" ("leafIndex", "seq", "hash") VALUES (4, ${forged!}, ${eventLeafHash(event!)})`;
      await tx.$executeRaw`UPDATE "AuditSequencer" SET "sealedThroughSeq" = ${forged!} WHERE "id" = 1`;
    });
    expect(await verify()).toMatchObject({
      ok: false,
      problem: { code: "rewritten", range: { afterSeq: String(seqs[3]), throughSeq: String(forged) } },
    });
  });
});
