// Re-wrap (key rotation, README "Rotating the key"): the keyring file gets
// a new key first, the node restarts, the re-wrap job is started through
// the API, and its own startedAt → finishedAt is the time. The baseline is
// the job's step transactions (captured on the wire in an unmeasured pass)
// replayed plainly on one connection with node-postgres: same statements,
// same parameters, same order, on an identical copy of the database.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { api, createDatabase, startNode } from "../support/instance";
import type { Statement } from "../support/sql-capture";

export type Keyring = { file: string; names: string[] };

/** A keyring file with `count` fresh keys, the first one primary. */
export function writeKeyring(dir: string, label: string, names: string[]): Keyring {
  const file = join(dir, `keyring-${label}.json`);
  const keys = names.map((name) => ({ name, secret: keyMaterial(name) }));
  writeFileSync(file, JSON.stringify({ keys }), { mode: 0o600 });
  return { file, names };
}

const materials = new Map<string, string>();
const keyMaterial = (name: string) => {
  if (!materials.has(name)) materials.set(name, randomBytes(32).toString("base64"));
  return materials.get(name)!;
};

type JobRow = {
  id: string;
  state: string;
  progress: number;
  total: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
};

/** Starts the re-wrap through the API and waits for the job (read from the database, so the polls add no requests). */
export async function rewrapThroughApi(base: string, ownerToken: string, databaseUrl: string, timeoutMs = 600_000): Promise<JobRow> {
  const { job } = await api<{ job: { id: string } }>(base, ownerToken, "POST", "/api/v1/encryption", { action: "rewrap" });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<JobRow>(
        `SELECT id, state, progress, total, "startedAt", "finishedAt", error FROM "Job" WHERE id = $1`,
        [job.id],
      );
      const row = rows[0]!;
      if (row.finishedAt) {
        if (row.state !== "done") throw new Error(`the re-wrap job ended ${row.state}: ${row.error}`);
        return row;
      }
      if (Date.now() > deadline) throw new Error(`the re-wrap job did not finish (${row.progress} of ${row.total})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

/** One job run on a fresh copy of `template`, as a real rotation. */
export async function timedJobRun(options: {
  root: string;
  template: string;
  port: number;
  env: Record<string, string>;
  ownerToken: string;
}) {
  const db = await createDatabase("rewrap", options.template);
  try {
    const node = await startNode({ root: options.root, port: options.port, databaseUrl: db.url, env: options.env });
    try {
      const job = await rewrapThroughApi(node.base, options.ownerToken, db.url);
      return { versions: job.progress, ms: job.finishedAt!.getTime() - job.startedAt!.getTime() };
    } finally {
      await node.stop();
    }
  } finally {
    await db.drop();
  }
}

/** The captured step transactions, replayed on a fresh copy of `template`. */
export async function timedPlainReplay(template: string, trace: Statement[]): Promise<number> {
  const db = await createDatabase("plain", template);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const began = performance.now();
    for (const statement of trace) {
      if (statement.params.length) await client.query(statement.sql, statement.params);
      else await client.query(statement.sql);
    }
    return performance.now() - began;
  } finally {
    await client.end();
    await db.drop();
  }
}

/** Statement texts of a trace with how often each ran, most frequent first. */
export function statementCounts(trace: Statement[]): { count: number; sql: string }[] {
  const counts = new Map<string, number>();
  for (const s of trace) {
    const sql = s.sql.replace(/\s+/g, " ").trim();
    counts.set(sql, (counts.get(sql) ?? 0) + 1);
  }
  return [...counts].map(([sql, count]) => ({ count, sql })).sort((a, b) => b.count - a.count);
}
