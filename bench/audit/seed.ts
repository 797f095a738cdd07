// Seeds N audit events straight into PostgreSQL as the transparency log
// writes them: plain rows, numbered by the sequence's default
// (coffer_audit_seq()), no prevHash/hash. They are then sealed into the
// Merkle tree, either by a running node's sequencer or, with `seal`, here
// with the sequencer's own sealBatch, signed with the key the server will
// use, and the checkpoints copied to the server's checkpoint file, so a
// server started afterwards finds a sealed, verifiable log.
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { CHECKPOINT_FILE, checkpointRecord } from "../../lib/audit/log/outside-copies";
import { releaseLease, sealBatch, takeLease } from "../../lib/audit/log/seal";
import { loadSigningKey } from "../../lib/audit/log/signing-key";
import { parseConfig } from "../../lib/config/env";
import { postgresAdapter } from "../../lib/db/client";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { DAY_MS } from "../../lib/time";

const ACTIONS = [
  ["secret.read", 50],
  ["secret.create", 5],
  ["secret.rotate", 5],
  ["auth.login", 15],
  ["auth.login_failed", 5],
  ["service.create", 5],
  ["binding.create", 5],
  ["member.disable", 5],
  ["audit.export", 5],
] as const;
const pick = <T>(items: readonly T[], i: number) => items[i % items.length]!;
const weighted = ACTIONS.flatMap(([action, weight]) => Array<string>(weight).fill(action));

function eventAt(i: number, total: number, start: number, span: number): unknown[] {
  const action = pick(weighted, i * 7919);
  const denied = i % 23 === 0;
  return [
    new Date(start + Math.floor((i / total) * span)).toISOString(),
    action === "secret.read" ? "service" : "user",
    `id_${i % 200}`,
    action === "secret.read" ? `default/svc${i % 50}` : `user${i % 200}@example.com`,
    action,
    action.split(".")[0]!,
    `r${i % 1000}`,
    `secret_${i % 1000}`,
    pick(["default", "prod", "staging", "dev", "ci"], i),
    denied ? "denied" : "success",
    `10.0.${i % 256}.${(i >> 8) % 256}`,
    "bench",
    `req-${i}`,
    JSON.stringify({ version: i % 20 }),
  ];
}

/** The AuditEvent columns a benchmark writes itself (seq and hashes are the database's). */
export const AUDIT_EVENT_COLUMNS = [
  "time",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "resourceType",
  "resourceId",
  "resourceName",
  "namespace",
  "outcome",
  "ip",
  "userAgent",
  "requestId",
  "details",
];
const TYPES = ["timestamptz", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "jsonb"];

export type SeedOptions = {
  /** The server's environment: seal here with its signing key and write its checkpoint file. */
  seal?: Record<string, string | undefined>;
  /** Spread the events' times over the last 60 days (default) or stamp them now. */
  timesNow?: boolean;
};

export async function seedAuditEvents(
  url: string,
  total: number,
  options: SeedOptions = {},
  batch = 10_000,
): Promise<{ ms: number; sealMs: number; lastSeq: bigint }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const began = performance.now();
  const span = options.timesNow ? 0 : 60 * DAY_MS;
  const start = Date.now() - span - (options.timesNow ? 0 : DAY_MS);
  let lastSeq = 0n;
  try {
    const list = AUDIT_EVENT_COLUMNS.map((c) => `"${c}"`).join(", ");
    const unnest = TYPES.map((type, i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
    const select = AUDIT_EVENT_COLUMNS.map((c, i) => (TYPES[i] === "jsonb" ? `"${c}"::jsonb` : `"${c}"`)).join(", ");
    for (let from = 0; from < total; from += batch) {
      const columns: unknown[][] = AUDIT_EVENT_COLUMNS.map(() => []);
      for (let i = from; i < Math.min(from + batch, total); i++)
        eventAt(i, total, start, span).forEach((value, c) => columns[c]!.push(value));
      // seq is left to its default, as recordAudits leaves it: the sequence numbers the rows.
      await client.query(`INSERT INTO "AuditEvent" (${list}) SELECT ${select} FROM unnest(${unnest}) AS t(${list})`, columns);
    }
    await client.query(`ANALYZE "AuditEvent"`);
    lastSeq = BigInt((await client.query<{ last: string }>(`SELECT max("seq")::text AS "last" FROM "AuditEvent"`)).rows[0]!.last);
  } finally {
    await client.end();
  }
  const ms = performance.now() - began;
  const sealMs = options.seal ? await sealHere(url, options.seal, lastSeq) : 0;
  return { ms, sealMs, lastSeq };
}

/** Seals through `horizon` as a sequencer would (nothing else writes: no transaction is in flight). */
async function sealHere(url: string, env: Record<string, string | undefined>, horizon: bigint): Promise<number> {
  const began = performance.now();
  const cfg = parseConfig(env);
  const key = loadSigningKey(cfg);
  const file = join(dirname(cfg.dataDir), CHECKPOINT_FILE);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const prisma = new PrismaClient({ adapter: postgresAdapter(url) });
  const holder = "bench-seed";
  try {
    if (!(await takeLease(prisma, holder))) throw new Error("another sequencer holds the lease: seed before starting a server");
    for (;;) {
      const result = await prisma.$transaction((tx) => sealBatch(tx, { holder, horizon, key }), { timeout: 60_000 });
      if (!result) throw new Error("the seed lost the sequencer's lease");
      if (result.checkpoint) appendFileSync(file, `${JSON.stringify(checkpointRecord(result.checkpoint))}\n`, { mode: 0o600 });
      if (!result.more) break;
    }
    await releaseLease(prisma, holder);
  } finally {
    await prisma.$disconnect();
  }
  return performance.now() - began;
}
