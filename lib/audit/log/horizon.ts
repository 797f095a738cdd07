// How far the sequencer may seal without skipping an event still in flight.
//
// Sequence numbers are handed out before commit, so a committed event can
// carry a higher number than one whose transaction is still running;
// sealing the first would seal out of order or skip the second. The rule:
//   1. read the last number handed out, L;
//   2. then take a snapshot and note the transactions that may be running:
//      those it lists, and every id it is too old to know about, up to an id
//      taken after it;
//   3. once a new snapshot no longer counts any of those as running, every
//      event numbered ≤ L has either committed (and is visible to every
//      later statement) or rolled back (a gap).
// Step 3 holds because coffer_audit_seq() gives a transaction its id before
// it takes a number: any transaction holding a number ≤ L had an id before
// step 2 began, so that id is below the one step 2 takes: listed, in the
// gap, or already over. This is the pg_snapshot_xmin idea narrowed to the
// transactions that were running.
import { setTimeout as sleep } from "node:timers/promises";
import type { Tx } from "../../db/client";

type Reader = Pick<Tx, "$queryRaw">;

export type Horizon = { lastSeq: bigint; running: string[] };

/** Steps 1 and 2: the last number handed out and the transactions that may hold one. */
export async function takeHorizon(reader: Reader): Promise<Horizon> {
  const [seqRow] = await reader.$queryRaw<{ last: bigint }[]>`
    SELECT (CASE WHEN "is_called" THEN "last_value" ELSE "last_value" - 1 END)::bigint AS "last" FROM "AuditEvent_seq_seq"`;
  // A snapshot lists running ids only below its xmax (the newest finished
  // id + 1): a transaction whose id is newer is running but not listed. So
  // this statement also takes an id of its own, after its snapshot, and
  // counts every id between the snapshot's xmax and that one as possibly
  // running (the benchmark lost events to transactions in that gap).
  const [snapshot] = await reader.$queryRaw<{ running: string[] }[]>`
    WITH s AS (SELECT pg_current_snapshot() AS "snap", pg_current_xact_id()::text::bigint AS "own")
    SELECT ARRAY(
      SELECT x::text FROM s, pg_snapshot_xip(s."snap") AS x
      UNION
      SELECT g::text FROM s, generate_series(pg_snapshot_xmax(s."snap")::text::bigint, s."own" - 1) AS g
    ) AS "running"`;
  return { lastSeq: seqRow!.last, running: snapshot!.running };
}

/**
 * Of `xids`, those a new snapshot still counts as running. Not
 * pg_xact_status(): a committing transaction is marked committed in the
 * commit log a moment before it leaves the snapshot's running set, and in
 * that moment its events are still invisible; sealing then skipped them
 * (the sealing-lag benchmark found whole transactions without a leaf).
 */
async function stillRunning(reader: Reader, xids: string[]): Promise<string[]> {
  if (!xids.length) return [];
  const rows = await reader.$queryRaw<{ xid: string }[]>`
    SELECT x AS "xid" FROM unnest(${xids}::text[]) AS x WHERE NOT pg_visible_in_snapshot(x::xid8, pg_current_snapshot())`;
  return rows.map((row) => row.xid);
}

/**
 * Step 3: waits (polling every few milliseconds) until the horizon's
 * transactions have ended, and returns its last number; null if one still
 * runs after `maxWaitMs` (a long transaction: the next tick tries again).
 */
export async function settledHorizon(reader: Reader, options: { maxWaitMs?: number; pollMs?: number } = {}): Promise<bigint | null> {
  const { maxWaitMs = 1_000, pollMs = 3 } = options;
  const horizon = await takeHorizon(reader);
  const deadline = Date.now() + maxWaitMs;
  let running = horizon.running;
  while ((running = await stillRunning(reader, running)).length) {
    if (Date.now() >= deadline) return null;
    await sleep(pollMs);
  }
  return horizon.lastSeq;
}
