// The hash chain of the events written before the transparency log (each
// event's hash covered the previous one's). Those events are also the
// first leaves of the Merkle tree; the chain is walked once, when the
// sequencer first seals (log/legacy-chain.ts), and stays readable.
// Walks the chain in sequence order and recomputes every hash. Reports the
// first sequence id whose row, link or position is wrong. After retention
// archived the oldest events, the chain starts at the first remaining event
// and its link is checked against the hash the `audit.archived` event
// recorded for the last archived one.
import { db, type Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { bulkAuditRows, type RawAuditRow } from "./audit-rows";
import { eventTextHash, GENESIS_HASH } from "../../packages/contracts/src/audit/canonical";

export type ChainReport =
  { ok: true; count: number; lastSeq: string | null } | { ok: false; count: number; badSeq: string; reason: string };

/** Where a walk stands: the next sequence id expected and the hash it must link to. */
export type ChainCursor = { expectedSeq: bigint; prevHash: string; count: number };

type Reader = Pick<Tx, "auditEvent" | "$queryRaw">;

export const VERIFY_BATCH = 2_000;
const CHAINED = Prisma.sql`"AuditEvent"."hash" IS NOT NULL`;

export async function chainStart(reader: Reader): Promise<ChainCursor | { bad: ChainReport }> {
  const first = await reader.auditEvent.findFirst({ where: { hash: { not: null } }, orderBy: { seq: "asc" }, select: { seq: true } });
  if (!first || first.seq === 1n) return { expectedSeq: 1n, prevHash: GENESIS_HASH, count: 0 };
  const throughSeq = (first.seq - 1n).toString();
  const anchor = await reader.auditEvent.findFirst({
    where: { action: "audit.archived", details: { path: ["throughSeq"], equals: throughSeq } },
    select: { details: true },
  });
  const lastHash = (anchor?.details as { lastHash?: string } | undefined)?.lastHash;
  if (!lastHash)
    return { bad: { ok: false, count: 0, badSeq: "1", reason: `events 1 to ${throughSeq} are missing and no archive records them` } };
  return { expectedSeq: first.seq, prevHash: lastHash, count: 0 };
}

/** Checks one batch of rows against the cursor; returns the moved cursor or a failure. */
export function checkRows(rows: RawAuditRow[], cursor: ChainCursor): ChainCursor | ChainReport {
  let { expectedSeq, prevHash, count } = cursor;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (seq !== expectedSeq) return { ok: false, count, badSeq: expectedSeq.toString(), reason: "missing event" };
    if (row.prevHash !== prevHash) return { ok: false, count, badSeq: row.seq, reason: "previous hash does not match the event before it" };
    if (eventTextHash(prevHash, row) !== row.hash)
      return { ok: false, count, badSeq: row.seq, reason: "event content does not match its hash" };
    prevHash = row.hash;
    expectedSeq += 1n;
    count += 1;
  }
  return { expectedSeq, prevHash, count };
}

/**
 * The whole walk in one go (the CLI, the API with `wait`). The next batch
 * is fetched while this one is hashed, so the database and the CPU work
 * side by side.
 */
export async function verifyAuditChain(onProgress?: (checked: number) => void): Promise<ChainReport> {
  const start = await chainStart(db);
  if ("bad" in start) return start.bad;
  let cursor: ChainCursor = start;
  let pending = bulkAuditRows(CHAINED, cursor.expectedSeq - 1n, VERIFY_BATCH);
  for (;;) {
    const rows = await pending;
    if (!rows.length) return { ok: true, count: cursor.count, lastSeq: cursor.count ? (cursor.expectedSeq - 1n).toString() : null };
    pending = bulkAuditRows(CHAINED, BigInt(rows.at(-1)!.seq), VERIFY_BATCH);
    const next = checkRows(rows, cursor);
    if ("ok" in next) {
      await pending.catch(() => undefined);
      return next;
    }
    cursor = next;
    onProgress?.(cursor.count);
  }
}
