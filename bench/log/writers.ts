// Audit appends from this process through the library, as an action
// appends them: a transaction of its own with recordAudit/recordAudits
// (lib/audit/record-audit.ts) on Prisma with the PostgreSQL adapter, one
// database connection per writer.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { ServiceActor } from "../../lib/auth/actor";
import { recordAudits, type AuditInput } from "../../lib/audit/record-audit";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { AUDIT_EVENT_COLUMNS } from "../audit/seed";

export type Writers = { prisma: PrismaClient; close(): Promise<void> };

export function writersOn(url: string, connections: number): Writers {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: connections, connectionTimeoutMillis: 10_000 }) });
  return { prisma, close: () => prisma.$disconnect() };
}

const actor = (): ServiceActor => ({
  type: "service",
  id: "svc_bench",
  label: "default/bench-api",
  namespace: "default",
  tokenId: "stk_bench",
  context: { ip: "127.0.0.1", userAgent: "bench", requestId: randomUUID() },
});

/** `events` secret.read events, as one runtime fetch of that many secrets writes them. */
const reads = (events: number): AuditInput[] =>
  Array.from({ length: events }, (_, i) => ({
    action: "secret.read",
    resource: { type: "secret", id: `sec_${i}`, name: `bench-secret-${i}` },
    namespace: "default",
    details: { version: 1, target: `secret-${i}`, tokenId: "stk_bench" },
  }));

export async function appendOnce(prisma: PrismaClient, events = 1): Promise<bigint[]> {
  return prisma.$transaction((tx) => recordAudits(tx, actor(), reads(events)));
}

export type AppendReport = {
  writers: number;
  seconds: number;
  transactions: number;
  errors: number;
  tps: number;
  p50: number;
  p99: number;
  max: number;
};

const at = (sorted: number[], q: number) =>
  sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)) : 0;

/** `writers` loops appending one event per transaction, back to back, for `seconds`. */
export async function closedLoopAppends(prisma: PrismaClient, writers: number, seconds: number): Promise<AppendReport> {
  const latencies: number[] = [];
  let errors = 0;
  const began = performance.now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          await appendOnce(prisma);
          latencies.push(performance.now() - start);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    writers,
    seconds,
    transactions: latencies.length,
    errors,
    tps: Math.round(latencies.length / elapsed),
    p50: at(latencies, 0.5),
    p99: at(latencies, 0.99),
    max: at(latencies, 1),
  };
}

export type PacedReport = {
  targetPerSecond: number;
  eventsPerTransaction: number;
  seconds: number;
  events: number;
  achievedPerSecond: number;
  late: number;
  errors: number;
  firstSeq: string;
  lastSeq: string;
};

/**
 * Open loop at `perSecond` events: transaction k of `eventsPer` events is
 * due at k·eventsPer/perSecond; `writers` loops take turns, and one that
 * falls behind sends at once (counted as late) rather than skipping.
 */
export async function pacedAppends(
  append: (events: number) => Promise<bigint[]>,
  options: { perSecond: number; eventsPer: number; writers: number; seconds: number },
): Promise<PacedReport> {
  const { perSecond, eventsPer, writers, seconds } = options;
  const interval = (eventsPer / perSecond) * 1000;
  const count = Math.floor((seconds * 1000) / interval);
  const began = performance.now();
  let late = 0;
  let errors = 0;
  let events = 0;
  let first: bigint | null = null;
  let last = 0n;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = w; k < count; k += writers) {
        const due = began + k * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        else if (wait < -interval) late += 1;
        try {
          const seqs = await append(eventsPer);
          events += seqs.length;
          for (const seq of seqs) {
            if (first === null || seq < first) first = seq;
            if (seq > last) last = seq;
          }
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    targetPerSecond: perSecond,
    eventsPerTransaction: eventsPer,
    seconds,
    events,
    achievedPerSecond: Math.round(events / elapsed),
    late,
    errors,
    firstSeq: String(first ?? 0n),
    lastSeq: String(last),
  };
}

/**
 * The same rows recordAudits writes, in one INSERT in a transaction of its
 * own, over plain node-postgres: for the sealing-lag load, whose generator must
 * hold 1,000 events/s on a shared 2-core machine; Prisma's per-query CPU in
 * this process could not (the append row above measures that path).
 */
export function plainAppender(url: string, connections: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  pool.on("error", () => undefined); // an idle client closed by the database's drop at the end
  const append = async (events: number): Promise<bigint[]> => {
    const values: unknown[] = [];
    const rows = reads(events).map((input) => {
      const a = actor();
      const row = [
        new Date(),
        a.type,
        a.id,
        a.label,
        input.action,
        input.resource!.type,
        input.resource!.id,
        input.resource!.name,
        input.namespace,
        "success",
        a.context.ip,
        a.context.userAgent,
        a.context.requestId,
        JSON.stringify(input.details),
      ];
      return `(${row.map((value) => `$${values.push(value)}`).join(", ")})`;
    });
    // BEGIN, INSERT, COMMIT as three round trips, as an action's transaction sends them: the
    // sequencer must cope with numbers taken by transactions that commit a moment later.
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows: seqs } = await client.query<{ seq: string }>(
        `INSERT INTO "AuditEvent" (${AUDIT_EVENT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${rows.join(", ")} RETURNING "seq"::text AS "seq"`,
        values,
      );
      await client.query("COMMIT");
      return seqs.map((r) => BigInt(r.seq));
    } finally {
      client.release();
    }
  };
  return { append, close: () => pool.end() };
}
