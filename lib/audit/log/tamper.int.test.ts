// What a database superuser can do to the audit log, and what verification
// says about it (issue 12). Each test plays one attack with the rights such
// a user has: the append-only triggers switched off inside a transaction
// (ALTER TABLE … DISABLE TRIGGER), rows deleted, edited and re-hashed,
// checkpoints forged. Only the signing key and the checkpoint file are out
// of reach, as they are in a real deployment.
import { mkdtempSync, readFileSync, rmSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonymousActor } from "../../auth/actor";
import { db, type Tx } from "../../db/client";
import { claimJob } from "../../jobs/claim-job";
import { runJobStep } from "../../jobs/run-job-step";
import { createUser, testContext } from "../../../tests/support/factories";
import { Prisma } from "../../generated/prisma/client";
import { archiveBatch } from "../archive-job";
import { rawAuditRows } from "../audit-rows";
import { latestAuditVerify, startAuditVerify, VERIFY_JOB_KIND, VERIFY_JOB_STEP, verifyJobHandler } from "../verify-job";
import { recordAudits } from "../record-audit";
import { auditSigningKey, signCheckpoint } from "../transparency/checkpoint";
import { Frontier } from "../transparency/frontier";
import { checkpointFile, readLocalCheckpoints } from "./outside-copies";
import { eventLeafHash } from "./seal";
import { sealPending } from "./sequencer";
import { signingKey } from "./signing-key";
import { verifyAuditLog, type VerifyLogOptions } from "./verify-log";
import { bulkLeafRows } from "./verify-rows";

// The checkpoint file lives beside the data directory, which one test run
// shares between its files: this file keeps its own, or another file's
// sealings (of another database) would land in it.
const dataDir = join(mkdtempSync(join(tmpdir(), "coffer-tamper-")), "data");
process.env.COFFER_DATA_DIR = dataDir;

const actor = anonymousActor(testContext, "someone@example.com");
const onPostgres = process.env.COFFER_TEST_DB === "postgres";
const AUDIT_TABLES = ["AuditEvent", "AuditLeaf", "AuditNode", "AuditCheckpoint"];
const otherKey = auditSigningKey(Buffer.alloc(32, 66), signingKey().name);

async function append(count: number): Promise<bigint[]> {
  return db.$transaction((tx) => recordAudits(tx, actor, Array.from({ length: count }, (_, i) => ({ action: "test.event", details: { i, note: `event ${i}` } }))));
}

/** `count` events sealed as one checkpoint. */
async function sealed(count: number): Promise<bigint[]> {
  const seqs = await append(count);
  expect((await sealPending("test")).sealed).toBe(count);
  return seqs;
}

/** Three checkpoints of 5 leaves each (sizes 5, 10, 15); the seqs of the 15 events. */
async function threeCheckpoints(): Promise<bigint[]> {
  return [...(await sealed(5)), ...(await sealed(5)), ...(await sealed(5))];
}

/** As a superuser: the append-only triggers off, the statements, the triggers on, in one transaction. */
async function asSuperuser(work: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const table of AUDIT_TABLES) await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    await work(tx);
    for (const table of AUDIT_TABLES) await tx.$executeRawUnsafe(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
  });
}

/**
 * Recomputes every leaf from the events as they now are, and every node, as
 * an attacker covering an edit would; with `forgeWith`, also replaces the
 * newest checkpoint by one over the new root, signed with that key.
 */
async function rehashTree(forgeWith?: typeof otherKey): Promise<void> {
  const rows = await bulkLeafRows(0, Number.MAX_SAFE_INTEGER);
  const frontier = new Frontier();
  const nodes: { level: number; index: number; hash: Buffer }[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    const completed = frontier.appendLeaf(eventLeafHash(row as Parameters<typeof eventLeafHash>[0]));
    hashes.push(completed[0]!.hash.toString("hex"));
    nodes.push(...completed.slice(1));
  }
  await asSuperuser(async (tx) => {
    await tx.$executeRaw`
      UPDATE "AuditLeaf" SET "hash" = decode(t.h, 'hex')
      FROM unnest(${rows.map((r) => r.leafIndex)}::text[]::bigint[], ${hashes}::text[]) AS t(i, h) WHERE "AuditLeaf"."leafIndex" = t.i`;
    await tx.$executeRaw`DELETE FROM "AuditNode"`;
    await tx.$executeRaw`
      INSERT INTO "AuditNode" ("level", "index", "hash")
      SELECT l, i, decode(h, 'hex') FROM unnest(${nodes.map((n) => String(n.level))}::text[]::integer[], ${nodes.map((n) => String(n.index))}::text[]::bigint[],
        ${nodes.map((n) => n.hash.toString("hex"))}::text[]) AS t(l, i, h)`;
    await tx.$executeRaw`UPDATE "AuditSequencer" SET "frontier" = ${frontier.serialize()} WHERE "id" = 1`;
    if (forgeWith) {
      const time = new Date();
      const note = signCheckpoint({ origin: forgeWith.name, size: frontier.size, rootHash: frontier.root(), time }, forgeWith.privateKey);
      await tx.$executeRaw`DELETE FROM "AuditCheckpoint" WHERE "size" = ${BigInt(frontier.size)}`;
      await tx.$executeRaw`
        INSERT INTO "AuditCheckpoint" ("size", "rootHash", "time", "lastSeq", "keyId", "note")
        VALUES (${BigInt(frontier.size)}, ${frontier.root()}, ${time}, ${BigInt(rows.at(-1)!.seq)}, ${forgeWith.keyId}, ${note})`;
    }
  });
}

let auditor: Awaited<ReturnType<typeof createUser>>["actor"];
const step = { ...VERIFY_JOB_STEP };
beforeAll(async () => {
  auditor = (await createUser("audra@example.com", [{ role: "auditor" }])).actor;
  // The console's job in steps of one chunk of 4 leaves: a few events take several steps.
  Object.assign(VERIFY_JOB_STEP, { chunks: 1, chunk: 4 });
});
afterAll(() => void Object.assign(VERIFY_JOB_STEP, step));

/** The console's background verification, step by step; its report, and how many steps it took. */
async function jobReport() {
  await startAuditVerify(auditor);
  const job = (await claimJob("tamper-test", [VERIFY_JOB_KIND]))!;
  let steps = 1;
  while ((await runJobStep(job, verifyJobHandler)) === "more") steps += 1;
  const { report, state } = (await latestAuditVerify(auditor))!;
  expect(state).toBe("done");
  return { report: report as Awaited<ReturnType<typeof verifyAuditLog>>, steps };
}

/**
 * The report of every walk, which must agree: on this thread and (on
 * PostgreSQL) on worker threads, each in whole chunks and in chunks of 4
 * leaves, so that a few events cross many chunks, cuts and workers; and
 * the background job's, in steps.
 */
async function verify(options: VerifyLogOptions = {}) {
  const inline = await verifyAuditLog({ ...options, threads: 0 });
  expect(await verifyAuditLog({ ...options, threads: 0, chunk: 4 }), "the walk in small chunks").toEqual(inline);
  if (onPostgres) {
    expect(await verifyAuditLog({ ...options, threads: 2 }), "the walk on worker threads").toEqual(inline);
    expect(await verifyAuditLog({ ...options, threads: 2, chunk: 4 }), "the walk in small chunks on worker threads").toEqual(inline);
  }
  if (options.given === undefined) {
    // Starting the job records an event (`audit.verify`) the walk finds unsealed.
    const { report } = await jobReport();
    expect({ ...report, unsealed: report.unsealed - 1 }, "the background job").toEqual(inline);
  }
  return inline;
}

const leafSeq = async (leafIndex: number) => (await db.auditLeaf.findUniqueOrThrow({ where: { leafIndex: BigInt(leafIndex) } })).seq.toString();
const checkpointLines = () => readFileSync(checkpointFile(), "utf8");

beforeEach(async () => {
  // A log of our own for every test: nothing in the tables, an empty tree, no checkpoint file.
  await asSuperuser(async (tx) => {
    for (const table of AUDIT_TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
    await tx.$executeRaw`UPDATE "AuditSequencer" SET "sealedThroughSeq" = 0, "frontier" = ${new Frontier().serialize()}, "holder" = NULL WHERE "id" = 1`;
  });
  rmSync(checkpointFile(), { force: true });
});

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
        tricky.map((text, i) => ({ action: "test.tricky", resource: { type: "secret", name: text }, namespace: i % 2 ? null : text, details: { [text]: text, z: [1, 2.5, true, null], a: { nested: text } } })),
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
    expect(report).toMatchObject({ ok: false, problem: { code: "deleted", range: { afterSeq: String(seqs[9]), throughSeq: String(seqs[14]) } } });
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
    expect(report.problem!.message).toMatch(/^a signed checkpoint in the checkpoint file covers 15 leaves .*but the database's tree has none: 15 sealed events were deleted$/);
  });

  it("names an event edited in place", async () => {
    // Attack: UPDATE an event's details, leaving the tree alone.
    const seqs = await threeCheckpoints();
    await asSuperuser((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"i": 1, "note": "nothing to see"}' WHERE "seq" = ${seqs[6]!}`);
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
    expect(report).toMatchObject({ ok: false, checked: 10, problem: { code: "rewritten", range: { afterSeq: String(seqs[4]), throughSeq: String(seqs[9]) } } });
    // Without the file, the database's own newest checkpoint still catches it.
    rmSync(checkpointFile());
    expect(await verify()).toMatchObject({ ok: false, problem: { code: "rewritten", range: { afterSeq: null, throughSeq: String(seqs[14]) } } });
  });

  it("refuses a forged checkpoint given as the copy from outside", async () => {
    // Attack: hand verification a checkpoint of the attacker's (a smaller
    // tree, say) signed with another key, in place of the real copy.
    await threeCheckpoints();
    const forged = signCheckpoint({ origin: otherKey.name, size: 15, rootHash: Buffer.alloc(32, 7), time: new Date() }, otherKey.privateKey);
    const report = await verify({ given: forged });
    expect(report).toMatchObject({ ok: false, outside: null, problem: { code: "bad-signature" } });
    expect(report.problem!.message).toMatch(/^the newest checkpoint in the checkpoints given is not signed by this log's key/);
    // A forged line appended to the checkpoint file is refused the same way.
    appendFileSync(checkpointFile(), `${JSON.stringify({ origin: otherKey.name, size: 16, rootHash: Buffer.alloc(32).toString("base64"), time: new Date().toISOString(), lastSeq: "1", keyId: otherKey.keyId, note: forged })}\n`);
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
    expect(await verify()).toMatchObject({ ok: false, problem: { code: "rewritten", range: { afterSeq: String(seqs[3]), throughSeq: String(forged) } } });
  });

  it("takes archived events by their stored leaves, and still finds a deletion after them", async () => {
    await sealed(6);
    // Ten days on with one day of retention: everything sealed is old.
    expect(await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 10 * 86_400_000), days: 1 }))).toBe(6);
    const anchor = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.archived" } });
    expect(anchor.details).toMatchObject({ count: 6, throughLeaf: 5 });
    const archived = readFileSync((anchor.details as { file: string }).file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(archived.map((e) => e.leafIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(archived[0].leafHash).toBe(Buffer.from((await db.auditLeaf.findUniqueOrThrow({ where: { leafIndex: 0n } })).hash).toString("base64"));
    // Until its own event is sealed, an archive does not count: the leaves' events are missing.
    expect(await verify()).toMatchObject({ ok: false, problem: { code: "missing-event", firstBadSeq: await leafSeq(0) } });
    await append(1);
    await sealPending("test"); // the archive event and that one
    expect(await verify()).toMatchObject({ ok: true, checked: (await db.auditLeaf.count()) - 6, archived: 6, unsealed: 0 });
    // An event after the archive's reach is not covered by it.
    const lastSeq = await leafSeq(7);
    await asSuperuser((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${BigInt(lastSeq)}`);
    expect(await verify()).toMatchObject({ ok: false, archived: 6, problem: { code: "missing-event", firstBadSeq: lastSeq } });
  });

  it("does not archive events the sequencer has not sealed", async () => {
    await sealed(2);
    await append(3);
    expect(await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 10 * 86_400_000), days: 1 }))).toBe(2);
    await sealPending("test");
    expect(await verify()).toMatchObject({ ok: true, archived: 2, checked: 4 });
  });

  it("still refuses UPDATE, DELETE and TRUNCATE on every audit table without superuser rights", async () => {
    await sealed(2);
    for (const table of AUDIT_TABLES) {
      await expect(db.$executeRawUnsafe(`DELETE FROM "${table}"`), table).rejects.toThrow(/append-only/);
      await expect(db.$executeRawUnsafe(`TRUNCATE "${table}"`), table).rejects.toThrow(/append-only/);
    }
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLeaf" SET "hash" = '\\x00'`)).rejects.toThrow(/append-only/);
  });
});
