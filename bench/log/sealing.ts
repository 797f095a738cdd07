// Sealing, read from the database after the fact: an event's lag is the
// time of the first checkpoint whose tree contains its leaf (size >
// leafIndex) minus the event's own time (taken just before its INSERT).
import { adminQuery } from "../support/instance";

/** `noLeaf`: events not sealed at all; `noCheckpoint`: sealed, but no checkpoint covers them yet. */
export type LagReport = {
  events: number;
  sealed: number;
  noLeaf: number;
  noCheckpoint: number;
  p50: number;
  p99: number;
  max: number;
  checkpoints: number;
};

/** Waits until the sequencer has sealed through `seq`; the milliseconds it took, or null on timeout. */
export async function waitSealed(url: string, seq: bigint, timeoutMs = 60_000): Promise<number | null> {
  const began = performance.now();
  while (performance.now() - began < timeoutMs) {
    const [row] = await adminQuery<{ through: string }>(
      `SELECT "sealedThroughSeq"::text AS "through" FROM "AuditSequencer" WHERE "id" = 1`,
      [],
      url,
    );
    if (BigInt(row!.through) >= seq) return performance.now() - began;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

export async function lastSeq(url: string): Promise<bigint> {
  const [row] = await adminQuery<{ last: string | null }>(`SELECT max("seq")::text AS "last" FROM "AuditEvent"`, [], url);
  return BigInt(row!.last ?? 0);
}

export async function sealingLag(url: string, firstSeq: string, lastSeq: string): Promise<LagReport> {
  const rows = await adminQuery<{ lag: number | null; leaf: string | null }>(
    `SELECT (extract(epoch FROM (c."time" - e."time")) * 1000)::float8 AS "lag", l."leafIndex"::text AS "leaf"
       FROM "AuditEvent" e
       LEFT JOIN "AuditLeaf" l ON l."seq" = e."seq"
       LEFT JOIN LATERAL (SELECT "time" FROM "AuditCheckpoint" k WHERE k."size" > l."leafIndex" ORDER BY k."size" LIMIT 1) c ON true
      WHERE e."seq" BETWEEN $1::bigint AND $2::bigint`,
    [firstSeq, lastSeq],
    url,
  );
  const [cp] = await adminQuery<{ n: number }>(
    `SELECT count(*)::int AS "n" FROM "AuditCheckpoint" WHERE "lastSeq" BETWEEN $1::bigint AND $2::bigint`,
    [firstSeq, lastSeq],
    url,
  );
  const lags = rows
    .map((r) => r.lag)
    .filter((lag): lag is number => lag !== null)
    .sort((a, b) => a - b);
  const at = (q: number) => (lags.length ? Number(lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]!.toFixed(1)) : NaN);
  const noLeaf = rows.filter((r) => r.leaf === null).length;
  return {
    events: rows.length,
    sealed: lags.length,
    noLeaf,
    noCheckpoint: rows.length - lags.length - noLeaf,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    checkpoints: cp!.n,
  };
}
