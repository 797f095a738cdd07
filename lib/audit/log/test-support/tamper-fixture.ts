// The setup every audit-log tampering test shares: its own data directory,
// events appended and sealed, a superuser's way around the append-only
// triggers, a tree re-hashed as an attacker would, and every verification
// walk compared. Each test file calls registerTamperHooks() once.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { anonymousActor } from "../../../auth/actor";
import { db, type Tx } from "../../../db/client";
import { claimJob } from "../../../jobs/claim-job";
import { runJobStep } from "../../../jobs/run-job-step";
import { createUser, testContext } from "../../../../tests/support/factories";
import { latestAuditVerify, startAuditVerify, VERIFY_JOB_KIND, VERIFY_JOB_STEP, verifyJobHandler } from "../../verify-job";
import type { AuditAction } from "../../actions";
import { recordAudits } from "../../record-audit";
import { auditSigningKey, signCheckpoint } from "../../../../packages/contracts/src/transparency/checkpoint";
import { Frontier } from "../../../../packages/contracts/src/transparency/frontier";
import { checkpointFile } from "../outside-copies";
import { eventLeafHash } from "../seal";
import { sealPending } from "../sequencer";
import { signingKey } from "../signing-key";
import { verifyAuditLog, type VerifyLogOptions } from "../verify-log";
import { bulkLeafRows } from "../verify-rows";

// The checkpoint file lives beside the data directory, which one test run
// shares between its files: each test file keeps its own (vitest loads this
// module afresh for each), or another file's sealings (of another database)
// would land in it.
export const dataDir = join(mkdtempSync(join(tmpdir(), "coffer-tamper-")), "data");
process.env.COFFER_DATA_DIR = dataDir;

export const actor = anonymousActor(testContext, "someone@example.com");
const onPostgres = process.env.COFFER_TEST_DB === "postgres";
export const AUDIT_TABLES = ["AuditEvent", "AuditLeaf", "AuditNode", "AuditCheckpoint"];
export const otherKey = auditSigningKey(Buffer.alloc(32, 66), signingKey().name);

export async function append(count: number): Promise<bigint[]> {
  return db.$transaction((tx) =>
    recordAudits(
      tx,
      actor,
      Array.from({ length: count }, (_, i) => ({ action: "test.event" as AuditAction, details: { i, note: `event ${i}` } })),
    ),
  );
}

/** `count` events sealed as one checkpoint. */
export async function sealed(count: number): Promise<bigint[]> {
  const seqs = await append(count);
  expect((await sealPending("test")).sealed).toBe(count);
  return seqs;
}

/** Three checkpoints of 5 leaves each (sizes 5, 10, 15); the seqs of the 15 events. */
export async function threeCheckpoints(): Promise<bigint[]> {
  return [...(await sealed(5)), ...(await sealed(5)), ...(await sealed(5))];
}

/** As a superuser: the append-only triggers off, the statements, the triggers on, in one transaction. */
export async function asSuperuser(work: (tx: Tx) => Promise<unknown>): Promise<void> {
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
export async function rehashTree(forgeWith?: typeof otherKey): Promise<void> {
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

/** The console's background verification, step by step; its report, and how many steps it took. */
export async function jobReport() {
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
export async function verify(options: VerifyLogOptions = {}) {
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

export const leafSeq = async (leafIndex: number) =>
  (await db.auditLeaf.findUniqueOrThrow({ where: { leafIndex: BigInt(leafIndex) } })).seq.toString();
export const checkpointLines = () => readFileSync(checkpointFile(), "utf8");

/** The hooks of a tampering test file: an auditor, small verify steps, and a log of its own for every test. */
export function registerTamperHooks(): void {
  const step = { ...VERIFY_JOB_STEP };
  beforeAll(async () => {
    auditor = (await createUser("audra@example.com", [{ role: "auditor" }])).actor;
    // The console's job in steps of one chunk of 4 leaves: a few events take several steps.
    Object.assign(VERIFY_JOB_STEP, { chunks: 1, chunk: 4 });
  });
  afterAll(() => void Object.assign(VERIFY_JOB_STEP, step));

  beforeEach(async () => {
    // A log of our own for every test: nothing in the tables, an empty tree, no checkpoint file.
    await asSuperuser(async (tx) => {
      for (const table of AUDIT_TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
      await tx.$executeRaw`UPDATE "AuditSequencer" SET "sealedThroughSeq" = 0, "frontier" = ${new Frontier().serialize()}, "holder" = NULL WHERE "id" = 1`;
    });
    rmSync(checkpointFile(), { force: true });
  });
}
