// npm run bench:log — the audit log as a transparency log:
//   - verification throughput: BENCH_VERIFY_EVENTS (200,000) plain events
//     seeded and sealed by the node's sequencer, then
//     `POST /api/v1/audit/verify {"wait":true}` (events/s);
//   - append with 50 concurrent writers through lib/audit/record-audit.ts
//     (one event per transaction) against pgbench of the same statements
//     (captured on the wire), 50 clients; connections waiting on a lock;
//   - sealing lag at 1,000 events/s for 25 s with the node's sequencer
//     running: checkpoint time − event time, p50/p99/max.
// Results go to bench/results/log.json and log.md;
// `npx tsx bench/log/run.ts --report` rewrites the .md from the .json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedAuditEvents } from "../audit/seed";
import { benchMain } from "../support/bench-main";
import {
  ADMIN_URL,
  adminQuery,
  api,
  createDatabase,
  instanceEnv,
  serverCommandLine,
  setupOwner,
  snapshotBuild,
  startNode,
  urlOf,
  type AppNode,
} from "../support/instance";
import { sampleLocks } from "../support/lock-sampler";
import { operationStatements, pgbenchScript, runPgbench, typeNamesOf } from "../support/pgbench";
import { profiled, type ProfileSummary } from "../support/profile";
import { MACHINE, REPEATS, runRepeats, SECONDS } from "../support/repeats";
import { startSqlCapture } from "../support/sql-capture";
import { serverEnv } from "../../scripts/server-process.mjs";
import { logMarkdown } from "./report";
import { lastSeq, sealingLag, waitSealed } from "./sealing";
import { appendOnce, closedLoopAppends, pacedAppends, plainAppender, writersOn } from "./writers";

const PORT = 3333;
const PROXY_PORT = 3334;
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const VERIFY_EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 200_000);
const LAG = {
  perSecond: Number(process.env.BENCH_LAG_RATE ?? 1000),
  eventsPer: 5,
  writers: 20,
  seconds: Number(process.env.BENCH_LAG_SECONDS ?? 25),
};

/** The statements one append sends, from three appends through the capturing proxy. */
async function captureAppend(database: string) {
  const capture = await startSqlCapture(PROXY_PORT);
  const writers = writersOn(Object.assign(new URL(urlOf(database)), { port: String(PROXY_PORT) }).toString(), 1);
  const runs = [];
  try {
    await appendOnce(writers.prisma); // warm-up: connection set-up stays out
    for (let i = 0; i < 3; i++) {
      capture.statements = [];
      capture.recording = true;
      await appendOnce(writers.prisma);
      capture.recording = false;
      runs.push(operationStatements(capture.statements, new Set()));
    }
  } finally {
    await writers.close();
    await capture.close();
  }
  const typeNames = await typeNamesOf(runs.flat(), (sql, values) => adminQuery(sql, values, urlOf(database)));
  return { ...pgbenchScript(runs, typeNames), perRun: runs[0]!.length };
}

async function verifyOnce(node: AppNode, owner: string) {
  const began = performance.now();
  const report = await api<Record<string, unknown>>(node.base, owner, "POST", "/api/v1/audit/verify", { wait: true });
  const seconds = (performance.now() - began) / 1000;
  // A LogReport counts recomputed leaves in `checked`; the legacy chain's report, `count`.
  const events = Number(report.checked ?? report.count ?? 0) + Number(report.archived ?? 0);
  return { seconds: Number(seconds.toFixed(3)), events, eventsPerSecond: Math.round(events / seconds), report };
}

async function main() {
  const root = snapshotBuild();
  const db = await createDatabase("log");
  const env = instanceEnv(PORT);
  let node: AppNode | undefined;
  const closers: (() => Promise<void>)[] = [];
  try {
    node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
    const owner = await setupOwner(node);

    console.log(`seeding ${VERIFY_EVENTS} events; the node's sequencer seals them…`);
    const seeded = await seedAuditEvents(db.url, VERIFY_EVENTS);
    const sealWaitMs = await waitSealed(db.url, seeded.lastSeq, 600_000);
    if (sealWaitMs === null) throw new Error("the sequencer did not seal the seeded events within 10 minutes");
    const seed = {
      events: VERIFY_EVENTS,
      seedSeconds: Number((seeded.ms / 1000).toFixed(1)),
      sealedSecondsAfterSeed: Number((sealWaitMs / 1000).toFixed(1)),
    };
    await verifyOnce(node, owner); // warm-up
    const verify = await runRepeats(REPEATS, async () => {
      const run = await verifyOnce(node!, owner);
      console.log(
        `  verify: ${run.events} events in ${run.seconds} s = ${run.eventsPerSecond}/s: ${JSON.stringify(run.report).slice(0, 300)}`,
      );
      return run;
    });

    // Where the node's CPU goes during one verification (BENCH_PROFILE=0 skips this).
    let profile: ProfileSummary | null = null;
    if (process.env.BENCH_PROFILE !== "0") {
      await node.stop();
      const dir = mkdtempSync(join(tmpdir(), "coffer-bench-prof-"));
      profile = await profiled(
        (nodeArgs) => startNode({ root, port: PORT, databaseUrl: db.url, env, nodeArgs }).then((n) => (node = n)),
        () => verifyOnce(node!, owner),
        () => verifyOnce(node!, owner),
        dir,
      );
      rmSync(dir, { recursive: true, force: true });
      node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
    }

    const append = await captureAppend(db.name);
    const appends = await runRepeats(REPEATS, async () => {
      // The writers' pool is closed before pgbench opens as many connections (max_connections is 100, shared).
      const writers = writersOn(db.url, WRITERS);
      let lib;
      try {
        await closedLoopAppends(writers.prisma, WRITERS, 2); // warm-up: the pool opens its connections
        lib = await sampleLocks(ADMIN_URL, db.name, () => closedLoopAppends(writers.prisma, WRITERS, SECONDS));
      } finally {
        await writers.close();
      }
      const pg = await sampleLocks(ADMIN_URL, db.name, () => runPgbench(db.url, append.script, WRITERS, SECONDS));
      console.log(`  append: lib ${lib.result.tps} tps, pgbench ${pg.result.tps} tps`);
      return { lib: { ...lib.result, locks: lib.locks }, pgbench: { ...pg.result, locks: pg.locks } };
    });

    const paced = plainAppender(db.url, LAG.writers);
    closers.push(paced.close);
    const lag = await runRepeats(REPEATS, async () => {
      await waitSealed(db.url, await lastSeq(db.url));
      const load = await pacedAppends(paced.append, LAG);
      const waitedMs = await waitSealed(db.url, BigInt(load.lastSeq), 30_000);
      const lags = await sealingLag(db.url, load.firstSeq, load.lastSeq);
      console.log(`  sealing lag at ${load.achievedPerSecond} events/s: p50 ${lags.p50} p99 ${lags.p99} max ${lags.max} ms`);
      return { load, lag: lags, sealedWithinMs: waitedMs === null ? null : Math.round(waitedMs) };
    });

    const results = {
      date: new Date().toISOString(),
      machine: MACHINE,
      server: { command: serverCommandLine(), mallocArenaMax: serverEnv.MALLOC_ARENA_MAX, logLevel: env.COFFER_LOG_LEVEL },
      seconds: SECONDS,
      repeats: REPEATS,
      writers: WRITERS,
      lagLoad: LAG,
      seed,
      verify,
      profile,
      sql: { append: { statements: append.statements, perRun: append.perRun, randomized: append.randomized, script: append.script } },
      appends,
      lag,
    };
    return results;
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await node?.stop();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

benchMain("log", main, logMarkdown);
