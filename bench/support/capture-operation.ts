// The unmeasured pass that learns what SQL an operation runs: one app node
// on the instance's database, reached through the capturing proxy; each
// operation is run a few times, one window each, and the node's own
// background statements (seen while idle) are filtered out.
import { adminQuery, startNode, urlOf } from "./instance";
import { operationStatements, pgbenchScript, typeNamesOf, type PgbenchScript } from "./pgbench";
import { startSqlCapture, type Statement } from "./sql-capture";

export type Operation = {
  name: string;
  run: (base: string, i: number) => Promise<void>;
  runs?: number;
  /** Keep only the transaction blocks with a statement matching this (a job's steps), instead of dropping the background's. */
  keep?: RegExp;
};

/** `runs`: captured; `agreeing`: how many sent the statements the script runs (the most common sequence). */
export type CapturedOperation = PgbenchScript & { runs: number; agreeing: number; perRun: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each operation's statements, one list per run (run -1, the warm-up, is not kept). */
export async function captureOperations(options: {
  root: string;
  database: string;
  env: Record<string, string>;
  port: number;
  proxyPort: number;
  operations: Operation[];
}): Promise<Record<string, Statement[][]>> {
  const { root, database, env, port, proxyPort, operations } = options;
  const capture = await startSqlCapture(proxyPort);
  const url = Object.assign(new URL(urlOf(database)), { port: String(proxyPort) }).toString();
  const captured: Record<string, Statement[][]> = {};
  try {
    const node = await startNode({ root, port, databaseUrl: url, env });
    try {
      // Warm-up: first-use queries (and once-a-minute ones such as a token's lastUsedAt) stay out of the capture.
      for (const op of operations) if ((op.runs ?? 5) > 1) await op.run(node.base, -1);
      await sleep(1_500);
      capture.recording = true;
      await sleep(1_500);
      capture.recording = false;
      const background = new Set(capture.statements.map((s) => s.sql));
      for (const op of operations) {
        captured[op.name] = [];
        for (let i = 0; i < (op.runs ?? 5); i++) {
          capture.statements = [];
          capture.recording = true;
          await op.run(node.base, i);
          capture.recording = false;
          captured[op.name]!.push(operationStatements(capture.statements, background, op.keep));
        }
      }
    } finally {
      await node.stop();
    }
  } finally {
    await capture.close();
  }
  return captured;
}

/** pgbench scripts for captured operations (see pgbenchScript). */
export async function operationScripts(
  captured: Record<string, Statement[][]>,
  database: string,
): Promise<Record<string, CapturedOperation>> {
  const all = Object.values(captured).flat(2);
  const typeNames = await typeNamesOf(all, (sql, values) => adminQuery(sql, values, urlOf(database)));
  return Object.fromEntries(
    Object.entries(captured).map(([name, traces]) => {
      const agreeing = mostCommon(traces);
      return [name, { ...pgbenchScript(agreeing, typeNames), runs: traces.length, agreeing: agreeing.length, perRun: agreeing[0]!.length }];
    }),
  );
}

// A background flush (a timer's batch write, say) can land inside one run's window: the runs
// that sent the same statements as most others are the operation.
function mostCommon(traces: Statement[][]): Statement[][] {
  const groups = new Map<string, Statement[][]>();
  for (const trace of traces) {
    const key = trace.map((s) => s.sql).join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), trace]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
}
