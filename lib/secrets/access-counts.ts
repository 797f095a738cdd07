// Repeat reads of a secret, counted in this process and written to its
// SecretAccess row in batches: a busy service fetches the same
// secrets from many connections at once, and an UPDATE of its rows in
// every read's transaction made those reads queue on the rows' locks
// until each COMMIT. A first read still inserts its row in the read's
// transaction (record-access.ts), so reverse lookup is right at once.
//
// What this trades: the count and lastReadAt of a row lag by up to
// FLUSH_INTERVAL_MS, and a crashed process loses at most that much of the
// *count*. Never an audit event: every read's `secret.read` event commits
// with the read itself and stays the record of who read what and when.
//
// No `server-only`: the flusher starts from instrumentation.ts.
import { duringNextBuild } from "../config/build-phase";
import { db } from "../db/client";
import { log } from "../log/logger";
import {
  flusherStopped,
  markFlusherStopped,
  pendingCounts,
  runningFlusher,
  setRunningFlusher,
  takePendingCounts,
  type AccessCountFlusher,
  type PendingCount,
} from "./access-counts-holder";
import { readerKey, type Reader } from "./record-access";

/** How far a row's count and lastReadAt may lag behind the audit trail. */
export const FLUSH_INTERVAL_MS = 1_000;

const keyOf = (secretId: string, reader: string) => `${secretId}\u0000${reader}`;

function merge(into: Map<string, PendingCount>, row: PendingCount): void {
  const key = keyOf(row.secretId, row.readerKey);
  const held = into.get(key);
  if (!held) {
    into.set(key, { ...row });
    return;
  }
  held.count += row.count;
  if (row.lastReadAt > held.lastReadAt) held.lastReadAt = row.lastReadAt;
  held.readerLabel = row.readerLabel;
}

/** Call after the reads' transaction committed: a rolled-back read counts nothing. */
export function countRepeatReads(reads: ReadonlyMap<string, number>, reader: Reader, at: Date): void {
  const pending = pendingCounts();
  for (const [secretId, count] of reads)
    merge(pending, { secretId, readerKey: readerKey(reader), readerLabel: reader.label, count, lastReadAt: at });
  // Shutting down: requests still in flight after the last flush write
  // their counts themselves while the database is still open.
  if (flusherStopped()) void flushSecretAccessCounts().catch(() => undefined);
}

/**
 * Adds the counts to their rows in one statement. The rows are locked in
 * (secretId, readerKey) order before any is changed, whatever order the
 * caller gives or the planner picks, so two nodes flushing at once queue
 * instead of deadlocking. A row that is gone (its secret purged) takes
 * nothing: the count has no row left to belong to.
 */
export async function writeAccessCounts(rows: readonly PendingCount[]): Promise<number> {
  if (!rows.length) return 0;
  // Text arrays: both database drivers pass them as they are.
  return db.$executeRaw`
    WITH "batch" AS (
      SELECT * FROM unnest(${rows.map((r) => r.secretId)}::text[], ${rows.map((r) => r.readerKey)}::text[], ${rows.map((r) => r.readerLabel)}::text[],
                           ${rows.map((r) => r.lastReadAt.toISOString())}::text[]::timestamptz[], ${rows.map((r) => String(r.count))}::text[]::integer[])
        AS b("secretId", "readerKey", "readerLabel", "lastReadAt", "count")
    ), "locked" AS MATERIALIZED (
      SELECT a."id", b."readerLabel", b."lastReadAt", b."count"
      FROM "SecretAccess" a JOIN "batch" b ON a."secretId" = b."secretId" AND a."readerKey" = b."readerKey"
      ORDER BY a."secretId", a."readerKey"
      FOR UPDATE OF a
    )
    UPDATE "SecretAccess" a
    SET "count" = a."count" + l."count", "lastReadAt" = GREATEST(a."lastReadAt", l."lastReadAt"), "readerLabel" = l."readerLabel"
    FROM "locked" l WHERE a."id" = l."id"`;
}

/**
 * Writes every count this process holds now (tests call it before they
 * look at a count). On failure the counts are kept for the next flush.
 */
export async function flushSecretAccessCounts(): Promise<number> {
  const taken = takePendingCounts();
  if (!taken.size) return 0;
  try {
    return await writeAccessCounts([...taken.values()]);
  } catch (error) {
    const pending = pendingCounts();
    for (const row of taken.values()) merge(pending, row);
    throw error;
  }
}

export function startAccessCountFlusher(options: { intervalMs?: number } = {}): AccessCountFlusher | null {
  if (duringNextBuild()) return null;
  const running = runningFlusher();
  if (running) return running;
  const flusher = createFlusher(options.intervalMs ?? FLUSH_INTERVAL_MS);
  setRunningFlusher(flusher);
  return flusher;
}

function createFlusher(intervalMs: number): AccessCountFlusher {
  let lastProblem: string | null = null;
  const flush = async () => {
    try {
      await flushSecretAccessCounts();
      lastProblem = null;
    } catch (error) {
      // While the database is down every flush fails the same way: log it once.
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem)
        log.error({ err: error, pending: pendingCounts().size }, "secret access counts: flush failed, kept for the next one");
      lastProblem = problem;
    }
  };
  const timer = setInterval(() => void flush(), intervalMs);
  // The flusher alone must not keep the process alive.
  timer.unref();
  const flusher: AccessCountFlusher = {
    flush,
    stop: async () => {
      clearInterval(timer);
      if (runningFlusher() === flusher) setRunningFlusher(undefined);
      markFlusherStopped();
      await flush();
      const lost = pendingCounts().size;
      if (lost) log.warn({ pairs: lost }, "secret access counts: not written at shutdown (the audit events hold every read)");
    },
  };
  return flusher;
}
