// One sealing: the committed events after the last sealed one, up to the
// horizon, become the next leaves of the Merkle tree, in sequence order,
// and a signed checkpoint of the new tree is stored, all in one
// transaction. A crash before COMMIT leaves the previous tree untouched, so
// the next sealing redoes the batch: no gap, no leaf twice.
import type { Tx } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { SECOND_MS } from "../../time";
import { rawAuditRows } from "../audit-rows";
import { canonicalEventText } from "../../../packages/contracts/src/audit/canonical";
import { signCheckpoint, type AuditSigningKey, type Checkpoint } from "../../../packages/contracts/src/transparency/checkpoint";
import { Frontier } from "../../../packages/contracts/src/transparency/frontier";
import { leafHash } from "../../../packages/contracts/src/transparency/merkle";

export const SEAL_BATCH = 5_000;
/** How long a lease lasts without renewal: a holder that died is replaced after this. */
export const LEASE_MS = 5_000;

export type SealedCheckpoint = Checkpoint & { lastSeq: bigint; note: string; keyId: string };
export type SealResult = { sealed: number; checkpoint: SealedCheckpoint | null; more: boolean };

type SequencerRow = { holder: string | null; live: boolean; sealedThroughSeq: bigint; frontier: Uint8Array };

/** The event's bytes as a leaf: its canonical JSON, UTF-8. */
export function eventLeafHash(row: Parameters<typeof canonicalEventText>[0]): Buffer {
  return leafHash(Buffer.from(canonicalEventText(row), "utf8"));
}

/**
 * Takes or renews the lease for `holder`: how far the tree is sealed, or
 * null when another holder's lease is still live.
 */
export async function takeLease(
  tx: Pick<Tx, "$queryRaw">,
  holder: string,
  leaseMs = LEASE_MS,
): Promise<{ sealedThroughSeq: bigint } | null> {
  const [row] = await tx.$queryRaw<{ sealedThroughSeq: bigint }[]>`
    UPDATE "AuditSequencer" SET "holder" = ${holder}, "leaseUntil" = now() + make_interval(secs => ${leaseMs / SECOND_MS})
    WHERE "id" = 1 AND ("holder" = ${holder} OR "holder" IS NULL OR "leaseUntil" < now())
    RETURNING "sealedThroughSeq"`;
  return row ?? null;
}

/** Gives the lease up at shutdown, so another node takes over at once. */
export async function releaseLease(tx: Pick<Tx, "$executeRaw">, holder: string): Promise<void> {
  await tx.$executeRaw`UPDATE "AuditSequencer" SET "holder" = NULL, "leaseUntil" = now() WHERE "id" = 1 AND "holder" = ${holder}`;
}

/**
 * Seals events with sealedThroughSeq < seq ≤ horizon (at most `batch`).
 * Null when `holder` does not hold a live lease: the row lock taken first
 * makes two sealers queue, and the lease check under it stops one whose
 * lease was taken over while it waited.
 */
export async function sealBatch(
  tx: Tx,
  options: { holder: string; horizon: bigint; key: AuditSigningKey; batch?: number; now?: () => Date },
): Promise<SealResult | null> {
  const { holder, horizon, key, batch = SEAL_BATCH, now = () => new Date() } = options;
  const [state] = await tx.$queryRaw<SequencerRow[]>`
    SELECT "holder", "leaseUntil" > now() AS "live", "sealedThroughSeq", "frontier" FROM "AuditSequencer" WHERE "id" = 1 FOR UPDATE`;
  if (!state || state.holder !== holder || !state.live) return null;
  if (horizon <= state.sealedThroughSeq) return { sealed: 0, checkpoint: null, more: false };

  const rows = await rawAuditRows(tx, Prisma.sql`"AuditEvent"."seq" <= ${horizon}`, state.sealedThroughSeq, batch);
  const frontier = Frontier.parse(state.frontier);
  // Columns as text arrays (hex for hashes): both database drivers pass
  // those as they are, and unnest turns them into rows in one statement.
  const leafIndexes: string[] = [];
  const leafSeqs: string[] = [];
  const leafHashes: string[] = [];
  const nodeLevels: string[] = [];
  const nodeIndexes: string[] = [];
  const nodeHashes: string[] = [];
  for (const row of rows) {
    leafIndexes.push(String(frontier.size));
    leafSeqs.push(row.seq);
    const completed = frontier.appendLeaf(eventLeafHash(row));
    leafHashes.push(completed[0]!.hash.toString("hex"));
    for (const node of completed.slice(1)) {
      nodeLevels.push(String(node.level));
      nodeIndexes.push(String(node.index));
      nodeHashes.push(node.hash.toString("hex"));
    }
  }
  const more = rows.length === batch;
  const through = more ? BigInt(rows.at(-1)!.seq) : horizon;
  let checkpoint: SealedCheckpoint | null = null;
  if (rows.length) {
    await tx.$executeRaw`
      INSERT INTO "AuditLeaf" ("leafIndex", "seq", "hash")
      SELECT i, s, decode(h, 'hex') FROM unnest(${leafIndexes}::text[]::bigint[], ${leafSeqs}::text[]::bigint[], ${leafHashes}::text[]) AS t(i, s, h)`;
    if (nodeLevels.length) {
      await tx.$executeRaw`
        INSERT INTO "AuditNode" ("level", "index", "hash")
        SELECT l, i, decode(h, 'hex') FROM unnest(${nodeLevels}::text[]::integer[], ${nodeIndexes}::text[]::bigint[], ${nodeHashes}::text[]) AS t(l, i, h)`;
    }
    const signed: Checkpoint = { origin: key.name, size: frontier.size, rootHash: frontier.root(), time: now() };
    checkpoint = { ...signed, lastSeq: BigInt(rows.at(-1)!.seq), note: signCheckpoint(signed, key.privateKey), keyId: key.keyId };
    await tx.auditCheckpoint.create({
      data: {
        size: BigInt(checkpoint.size),
        rootHash: Buffer.from(checkpoint.rootHash),
        time: checkpoint.time,
        lastSeq: checkpoint.lastSeq,
        keyId: checkpoint.keyId,
        note: checkpoint.note,
      },
    });
  }
  await tx.$executeRaw`
    UPDATE "AuditSequencer" SET "sealedThroughSeq" = ${through}, "frontier" = ${frontier.serialize()},
      "leaseUntil" = now() + make_interval(secs => ${LEASE_MS / SECOND_MS})
    WHERE "id" = 1`;
  return { sealed: rows.length, checkpoint, more };
}
