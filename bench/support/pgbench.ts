// pgbench as the database's own baseline: the statements one operation
// ran (captured on the wire, bench/support/sql-capture.ts) become a
// pgbench script, and pgbench runs it with as many clients as the app has
// database connections. Values that differ between two captured runs of
// the operation (ids, names, request ids) become pgbench random variables,
// so unique keys hold; timestamps, JSON and binary values stay as captured.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Param, Statement } from "./sql-capture";

const run = promisify(execFile);
const PGBENCH = existsSync("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";

const CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;
const OPENS = /^\s*(BEGIN|START TRANSACTION)\b/i;
const CLOSES = /^\s*(COMMIT|ROLLBACK)\b/i;
// What the node's background loops touch (audit sequencer, job worker, rejection counter).
const BACKGROUND =
  /"Audit(Sequencer|Leaf|Node|Checkpoint)"|"AuditEvent_seq_seq"|pg_snapshot|pg_xact_status|pg_current_snapshot|"Job"|"CredentialRejection|pg_try_advisory/;

/**
 * The statements of one operation out of a capture window: transaction
 * blocks (per connection, BEGIN…COMMIT) that belong to the node's
 * background loops are dropped whole. `background` holds the statement
 * texts seen while the node was idle.
 */
export function operationStatements(window: Statement[], background: Set<string>, keep?: RegExp): Statement[] {
  const blocks: Statement[][] = [];
  const open = new Map<number, Statement[]>();
  for (const statement of window) {
    let block = open.get(statement.conn);
    if (!block) {
      block = [];
      blocks.push(block);
      if (OPENS.test(statement.sql)) open.set(statement.conn, block);
    }
    block.push(statement);
    if (CLOSES.test(statement.sql)) open.delete(statement.conn);
  }
  const isBackground = (block: Statement[]) => block.some((s) => !CONTROL.test(s.sql) && (background.has(s.sql) || BACKGROUND.test(s.sql)));
  // `keep`: the blocks that are the operation (a job's steps run on the background's tables too).
  // A block of only BEGIN/COMMIT is the edge of a background transaction cut by the window.
  const wanted = (block: Statement[]) =>
    !block.every((s) => CONTROL.test(s.sql)) && (keep ? block.some((s) => keep.test(s.sql)) : !isBackground(block));
  return blocks
    .filter(wanted)
    .flat()
    .sort((a, b) => a.at - b.at);
}

/** Replaces $n outside quotes and identifiers. */
function substitute(sql: string, literal: (n: number) => string): string {
  let out = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === "$" && /\d/.test(sql[i + 1] ?? "") && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? "")) {
      const digits = /^\d+/.exec(sql.slice(i + 1))![0];
      out += literal(Number(digits));
      i += digits.length;
    } else out += c;
  }
  return out;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const same = (a: Param, b: Param) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b);
// A value that must be new per run (an id, a name under a unique key) versus one that may repeat.
const mayRepeat = (value: string) =>
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value) || /^[[{]/.test(value) || /^-?\d+(\.\d+)?$/.test(value);

export type PgbenchScript = { script: string; statements: string[]; randomized: number };

/**
 * A pgbench script running `runs[0]`'s statements; every other run of the
 * same operation must have sent the same statements (else the capture is
 * not of one operation, and this throws).
 */
export function pgbenchScript(runs: Statement[][], typeNames: Map<number, string>): PgbenchScript {
  const [first, ...others] = runs;
  if (!first?.length) throw new Error("no statements captured");
  for (const other of others) {
    const mismatch = other.length !== first.length || other.some((s, i) => s.sql !== first[i]!.sql);
    if (mismatch)
      throw new Error(
        `two runs of one operation sent different statements:\n${first.map((s) => s.sql).join("\n")}\n---\n${other.map((s) => s.sql).join("\n")}`,
      );
  }
  const variables = new Map<string, { name: string; prefix: string; digits: number }>();
  const lines = first.map((statement, i) => {
    const sql = statement.sql.replace(/\s+/g, " ").trim();
    return `${substitute(sql, (n) => {
      const value = statement.params[n - 1];
      const type = typeNames.get(statement.types[n - 1] ?? 0);
      const cast = type ? `::${type}` : "";
      if (value === null || value === undefined) return "NULL";
      if (Buffer.isBuffer(value)) return `'\\x${value.toString("hex")}'::bytea`;
      const varies = others.some((other) => !same(other[i]!.params[n - 1] ?? null, value));
      if (!varies || mayRepeat(value)) return `${quote(value)}${cast}`;
      let variable = variables.get(value);
      if (!variable) {
        const digits = Math.min(12, value.length);
        variable = { name: `v${variables.size + 1}`, prefix: value.slice(0, value.length - digits), digits };
        variables.set(value, variable);
      }
      return `(${quote(variable.prefix)} || :${variable.name})${cast}`;
    })};`;
  });
  const sets = [...variables.values()].map((v) => `\\set ${v.name} random(${10 ** (v.digits - 1)}, ${10 ** v.digits - 1})`);
  return {
    script: `${[...sets, ...lines].join("\n")}\n`,
    statements: first.map((s) => s.sql.replace(/\s+/g, " ").trim()),
    randomized: variables.size,
  };
}

/** Type names for the parameter types the statements declared (0 = left to the server). */
export async function typeNamesOf(
  statements: Statement[],
  query: (sql: string, values: unknown[]) => Promise<{ oid: number; name: string }[]>,
) {
  const oids = [...new Set(statements.flatMap((s) => s.types).filter((oid) => oid !== 0))];
  const rows = oids.length
    ? await query(`SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1)`, [oids])
    : [];
  return new Map(rows.map((row) => [row.oid, row.name]));
}

export type PgbenchReport = {
  clients: number;
  seconds: number;
  transactions: number;
  failed: number;
  tps: number;
  p50: number;
  p99: number;
  max: number;
};

/** Runs `script` with `clients` connections for `seconds`; latencies from pgbench's per-transaction log. */
export async function runPgbench(url: string, script: string, clients: number, seconds: number): Promise<PgbenchReport> {
  const dir = mkdtempSync(join(tmpdir(), "coffer-pgbench-"));
  try {
    const file = join(dir, "op.sql");
    writeFileSync(file, script);
    const threads = Math.min(2, clients);
    let out: string;
    try {
      // Asynchronous, so that a lock sampler in this process keeps sampling while pgbench runs.
      const args = [
        "-n",
        "-f",
        file,
        "-c",
        String(clients),
        "-j",
        String(threads),
        "-T",
        String(seconds),
        "-l",
        "--log-prefix",
        join(dir, "log"),
        url,
      ];
      out = (await run(PGBENCH, args, { maxBuffer: 16 * 1024 * 1024 })).stdout;
    } catch (error) {
      // A client aborts on its first SQL error: say which, with the script that caused it.
      const stderr = String((error as { stderr?: string }).stderr ?? "")
        .split("\n")
        .slice(0, 5)
        .join("\n");
      throw new Error(`pgbench failed: ${stderr}\nscript:\n${script.slice(0, 3000)}`);
    }
    const latencies: number[] = [];
    for (const name of readdirSync(dir).filter((f) => f.startsWith("log"))) {
      for (const line of readFileSync(join(dir, name), "utf8").split("\n")) {
        const fields = line.split(" ");
        if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1)) : 0;
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    return {
      clients,
      seconds,
      transactions,
      failed,
      tps: Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0)),
      p50: at(0.5),
      p99: at(0.99),
      max: at(1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
