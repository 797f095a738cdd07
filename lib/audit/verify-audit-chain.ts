// Walks the whole chain in sequence order and recomputes every hash.
// Reports the first sequence id whose row, link or position is wrong.
import { db } from "../db/client";
import { eventHash, GENESIS_HASH } from "./canonical";

export type ChainReport =
  | { ok: true; count: number; lastSeq: string | null }
  | { ok: false; count: number; badSeq: string; reason: string };

const BATCH = 5_000;

export async function verifyAuditChain(): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const bad = (reason: string): ChainReport => ({ ok: false, count, badSeq: row.seq.toString(), reason });
      if (row.seq !== expectedSeq) {
        return { ok: false, count, badSeq: expectedSeq.toString(), reason: "missing event" };
      }
      if (row.prevHash !== prevHash) return bad("previous hash does not match the event before it");
      const { hash, prevHash: _linked, ...fields } = row; // eslint-disable-line @typescript-eslint/no-unused-vars
      if (eventHash(prevHash, fields) !== hash) return bad("event content does not match its hash");
      prevHash = hash;
      expectedSeq += 1n;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  return { ok: true, count, lastSeq: count ? (expectedSeq - 1n).toString() : null };
}
