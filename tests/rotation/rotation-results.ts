// The rotation test's measurements: per rotation, the time from its due
// time to the new version written, and to the agent serving it. Printed on
// every run; written to bench/results/rotation.{json,md} when
// COFFER_BENCH_RESULTS=1 (bench/rotation/run.ts sets it), so `npm test`
// never changes tracked files.
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

export type RotationSample = { rotation: number; role: string; rotatedMs: number; servedMs: number };

type Spread = { min: number; median: number; max: number };

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

const results = (name: string) => fileURLToPath(new URL(`../../bench/results/${name}`, import.meta.url));

export async function writeRotationResults(run: {
  samples: RotationSample[];
  connections: number;
  failed: number;
  agentIntervalSeconds: number;
}) {
  const rotated = spread(run.samples.map((s) => s.rotatedMs));
  const served = spread(run.samples.map((s) => s.servedMs));
  const summary = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores (shared with other sessions), PostgreSQL 15 (private scram-sha-256 cluster on loopback), Coffer routes in-process, agent as a child process`,
    rotations: run.samples.length,
    agentIntervalSeconds: run.agentIntervalSeconds,
    clientConnections: run.connections,
    failedConnections: run.failed,
    dueToRotatedMs: rotated,
    dueToServedMs: served,
    samples: run.samples,
  };
  const line = (what: string, s: Spread) => `| ${what} | ${s.min} | ${s.median} | ${s.max} |`;
  console.log(
    `rotation: ${summary.rotations} rotations, ${run.connections} client connections, ${run.failed} failed; ` +
      `due → rotated ${rotated.min}/${rotated.median}/${rotated.max} ms, due → agent serving ${served.min}/${served.median}/${served.max} ms (min/median/max)`,
  );
  if (process.env.COFFER_BENCH_RESULTS !== "1") return;
  await writeFile(results("rotation.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(
    results("rotation.md"),
    [
      `# PostgreSQL rotation benchmark (${summary.date})`,
      "",
      `${summary.machine}. tests/rotation/postgres-rotation.int.test.ts: ${summary.rotations} blue/green rotations while a client`,
      `reads the URL the agent delivers and connects with it in a loop; agent polling every ${run.agentIntervalSeconds} s.`,
      "",
      `Client connections: ${run.connections}, failed: **${run.failed}**.`,
      "",
      "| from the due time to | min ms | median ms | max ms |",
      "|---|---|---|---|",
      line("the new version written (ALTER ROLE done)", rotated),
      line("the agent serving the new value", served),
      "",
      "Each rotation is made due and then run by lib/rotation/run-rotation.ts's runDueRotations at its due time (what the",
      "job worker's step calls). In production two waits come on top: the job worker checks for due recurring jobs once a",
      "minute and polls every 2 s (lib/jobs/worker.ts), and the agent polls every 30 s by default: due → every agent",
      "serving the new value is then at most about 60 + 2 + 30 s plus the figures above.",
      "",
    ].join("\n"),
  );
}
