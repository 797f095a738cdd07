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

export type WorkerRun = {
  label: string;
  samples: RotationSample[];
  connections: number;
  failed: number;
  pollMs: number;
  scheduleMs: number;
};

type Summary = ReturnType<typeof summarize>;
// The same run's baseline (runner called at the due time), kept for the worker figures that follow it.
let baseline: Summary | null = null;

function summarize(run: { samples: RotationSample[]; connections: number; failed: number; agentIntervalSeconds: number }) {
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores (shared with other sessions), PostgreSQL 15 (private scram-sha-256 cluster on loopback), Coffer routes in-process, agent as a child process`,
    rotations: run.samples.length,
    agentIntervalSeconds: run.agentIntervalSeconds,
    clientConnections: run.connections,
    failedConnections: run.failed,
    dueToRotatedMs: spread(run.samples.map((s) => s.rotatedMs)),
    dueToServedMs: spread(run.samples.map((s) => s.servedMs)),
    samples: run.samples,
  };
}

const line = (what: string, s: Spread) => `| ${what} | ${s.min} | ${s.median} | ${s.max} |`;

function workerSummary(run: WorkerRun) {
  return {
    label: run.label,
    pollMs: run.pollMs,
    scheduleIntervalMs: run.scheduleMs,
    rotations: run.samples.length,
    clientConnections: run.connections,
    failedConnections: run.failed,
    dueToRotatedMs: spread(run.samples.map((s) => s.rotatedMs)),
    dueToServedMs: spread(run.samples.map((s) => s.servedMs)),
    samples: run.samples,
  };
}

function markdown(summary: Summary, worker: ReturnType<typeof workerSummary>[]): string {
  const rows = [
    line("runner at the due time (baseline): new version written (ALTER ROLE done)", summary.dueToRotatedMs),
    line("runner at the due time (baseline): the agent serving the new value", summary.dueToServedMs),
    ...worker.flatMap((run) => [
      line(`job worker, ${run.label}: new version written`, run.dueToRotatedMs),
      line(`job worker, ${run.label}: the agent serving the new value`, run.dueToServedMs),
    ]),
  ];
  return [
    `# PostgreSQL rotation benchmark (${summary.date})`,
    "",
    `${summary.machine}. tests/rotation/postgres-rotation.int.test.ts: ${summary.rotations} blue/green rotations while a client`,
    `reads the URL the agent delivers and connects with it in a loop; agent polling every ${summary.agentIntervalSeconds} s.`,
    "",
    `Client connections: ${summary.clientConnections}, failed: **${summary.failedConnections}**` +
      (worker.length
        ? `; through the job worker: ${worker.map((run) => `${run.clientConnections} connections, ${run.failedConnections} failed (${run.rotations} rotations, ${run.label})`).join("; ")}.`
        : "."),
    "",
    "| from the due time to | min ms | median ms | max ms |",
    "|---|---|---|---|",
    ...rows,
    "",
    "Baseline: each rotation is made due and then run by lib/rotation/run-rotation.ts's runDueRotations at its due time",
    "(what the job worker's step calls).",
    ...(worker.length
      ? [
          "",
          "Job worker: lib/jobs/worker.ts started as instrumentation.ts starts it (startJobWorker(), defaults), then with short",
          "intervals passed to startJobWorker (they are constants in lib/jobs/worker.ts, POLL_INTERVAL_MS and SCHEDULE_INTERVAL_MS,",
          "not a COFFER_* setting). Each due time is set at a random point within one due-check interval, so the worker's phase",
          "is sampled: the wait for the due check is 0 to one interval, about half of it on average. The agent's own polling",
          "(30 s by default; 0.1 s here) comes on top in production.",
        ]
      : [
          "",
          "In production two waits come on top: the job worker checks for due recurring jobs once a minute and polls every",
          "2 s (lib/jobs/worker.ts), and the agent polls every 30 s by default.",
        ]),
    "",
  ].join("\n");
}

async function save(summary: Summary, worker: ReturnType<typeof workerSummary>[]) {
  if (process.env.COFFER_BENCH_RESULTS !== "1") return;
  await writeFile(
    results("rotation.json"),
    `${JSON.stringify({ ...summary, ...(worker.length ? { throughJobWorker: worker } : {}) }, null, 2)}\n`,
  );
  await writeFile(results("rotation.md"), markdown(summary, worker));
}

/** The job worker runs of the same process, written beside its baseline. */
export async function writeWorkerResults(runs: WorkerRun[]) {
  const worker = runs.map(workerSummary);
  for (const run of worker) {
    const { dueToRotatedMs: r, dueToServedMs: s } = run;
    console.log(
      `rotation through the job worker (${run.label}): ${run.rotations} rotations, ${run.failedConnections} failed connections; ` +
        `due → rotated ${r.min}/${r.median}/${r.max} ms, due → agent serving ${s.min}/${s.median}/${s.max} ms (min/median/max)`,
    );
  }
  if (!baseline) throw new Error("the worker figures need the same run's baseline (the 20-rotation test) first");
  await save(baseline, worker);
}

export async function writeRotationResults(run: {
  samples: RotationSample[];
  connections: number;
  failed: number;
  agentIntervalSeconds: number;
}) {
  const summary = summarize(run);
  baseline = summary;
  const { dueToRotatedMs: rotated, dueToServedMs: served } = summary;
  console.log(
    `rotation: ${summary.rotations} rotations, ${run.connections} client connections, ${run.failed} failed; ` +
      `due → rotated ${rotated.min}/${rotated.median}/${rotated.max} ms, due → agent serving ${served.min}/${served.median}/${served.max} ms (min/median/max)`,
  );
  await save(summary, []);
}
