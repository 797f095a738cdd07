// npm run bench:runtime — a service's runtime fetch of its 5 bound secrets,
// each figure beside a baseline of the same repeat:
//   - /api/health at the same connection count (the HTTP stack alone);
//   - pgbench running the SQL one fetch runs (captured on the wire), with
//     10 clients: the app node's pool size, the most it ever uses;
//   - the 304 path (If-None-Match with the ETag);
//   - two app nodes on one database, load split across both, against one;
//   - pg_stat_activity sampled throughout: connections waiting on a lock.
// Results go to bench/results/runtime.json and runtime.md;
// `npx tsx bench/runtime/run.ts --report` rewrites the .md from the .json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureOperations, operationScripts } from "../support/capture-operation";
import { runLoad } from "../support/http-load";
import {
  ADMIN_URL,
  createDatabase,
  instanceEnv,
  serverCommandLine,
  setupOwner,
  snapshotBuild,
  startNode,
  type AppNode,
} from "../support/instance";
import { sampleLocks } from "../support/lock-sampler";
import { benchMain } from "../support/bench-main";
import { runPgbench } from "../support/pgbench";
import { profiled, type ProfileSummary } from "../support/profile";
import { MACHINE, REPEATS, runRepeats, SECONDS } from "../support/repeats";
import { serverEnv } from "../../scripts/server-process.mjs";
import { fetchOnce, provisionService, RUNTIME_PATH, SECRET_COUNT } from "./provision";
import { runtimeMarkdown } from "./report";

const PORT_A = 3330;
const PORT_B = 3331;
const CONNECTIONS = [10, 100] as const;
const PG_CLIENTS = 10;

async function main() {
  const root = snapshotBuild();
  const db = await createDatabase("runtime");
  const env = instanceEnv(PORT_A);
  const nodes: AppNode[] = [];
  try {
    const first = await startNode({ root, port: PORT_A, databaseUrl: db.url, env });
    nodes.push(first);
    const owner = await setupOwner(first);
    const serviceToken = await provisionService(first.base, owner);
    const etag = await fetchOnce(first.base, serviceToken);
    await first.stop();
    nodes.length = 0;

    console.log("capturing the SQL of one fetch and one 304…");
    const captured = await captureOperations({
      root,
      database: db.name,
      env,
      port: 3339,
      proxyPort: 3338,
      operations: [
        { name: "fetch", run: (base) => fetchOnce(base, serviceToken).then(() => undefined) },
        { name: "notModified", run: (base) => fetchOnce(base, serviceToken, etag).then(() => undefined) },
      ],
    });
    const sql = await operationScripts(captured, db.name);

    const a = await startNode({ root, port: PORT_A, databaseUrl: db.url, env });
    nodes.push(a);
    const b = await startNode({ root, port: PORT_B, databaseUrl: db.url, env });
    nodes.push(b);
    const auth = { authorization: `Bearer ${serviceToken}` };
    const load = (ports: number[], path: string, connections: number, headers: Record<string, string> = {}, expectStatus = 200) =>
      runLoad({ targets: ports.map((port) => ({ port })), path, headers, connections, seconds: SECONDS, expectStatus });
    const locked = <T>(work: () => Promise<T>) => sampleLocks(ADMIN_URL, db.name, work);
    // Warm both nodes (JIT, Prisma's query compiler, pools) before anything is measured.
    for (const port of [PORT_A, PORT_B])
      await runLoad({ targets: [{ port }], path: RUNTIME_PATH, headers: auth, connections: 10, seconds: 3 });

    const runs = await runRepeats(REPEATS, async () => {
      const run: Record<string, unknown> = { health: {}, fetch: {}, notModified: {}, twoNodes: {} };
      for (const c of CONNECTIONS) {
        (run.health as Record<number, unknown>)[c] = await load([PORT_A], "/api/health", c);
        const fetched = await locked(() => load([PORT_A], RUNTIME_PATH, c, auth));
        (run.fetch as Record<number, unknown>)[c] = { ...fetched.result, locks: fetched.locks };
        const split = await locked(() => load([PORT_A, PORT_B], RUNTIME_PATH, c, auth));
        (run.twoNodes as Record<number, unknown>)[c] = { ...split.result, locks: split.locks };
        (run.notModified as Record<number, unknown>)[c] = await load([PORT_A], RUNTIME_PATH, c, { ...auth, "if-none-match": etag }, 304);
        console.log(
          `  ${c} connections: health ${(run.health as Record<number, { rps: number }>)[c]!.rps} req/s, fetch ${fetched.result.rps}, two nodes ${split.result.rps}`,
        );
      }
      const pgFetch = await locked(() => runPgbench(db.url, sql.fetch!.script, PG_CLIENTS, SECONDS));
      run.pgbench = {
        fetch: { ...pgFetch.result, locks: pgFetch.locks },
        notModified: await runPgbench(db.url, sql.notModified!.script, PG_CLIENTS, SECONDS),
      };
      console.log(`  pgbench of one fetch's SQL: ${pgFetch.result.tps} tps`);
      return run;
    });

    // Where one node's CPU goes during the 100-connection fetch (BENCH_PROFILE=0 skips this).
    let profile: ProfileSummary | null = null;
    if (process.env.BENCH_PROFILE !== "0") {
      for (const node of nodes.splice(0)) await node.stop();
      const dir = mkdtempSync(join(tmpdir(), "coffer-bench-prof-"));
      profile = await profiled(
        (nodeArgs) => startNode({ root, port: PORT_A, databaseUrl: db.url, env, nodeArgs }).then((n) => (nodes.push(n), n)),
        () => runLoad({ targets: [{ port: PORT_A }], path: RUNTIME_PATH, headers: auth, connections: 10, seconds: 3 }),
        () => load([PORT_A], RUNTIME_PATH, 100, auth),
        dir,
      );
      nodes.length = 0;
      rmSync(dir, { recursive: true, force: true });
    }

    const results = {
      date: new Date().toISOString(),
      machine: MACHINE,
      server: { command: serverCommandLine(), mallocArenaMax: serverEnv.MALLOC_ARENA_MAX, logLevel: env.COFFER_LOG_LEVEL },
      loadGenerator: "bench/support/http-load.ts (closed loop, keep-alive node:http; autocannon is not installed)",
      secrets: SECRET_COUNT,
      seconds: SECONDS,
      repeats: REPEATS,
      pgbenchClients: PG_CLIENTS,
      sql,
      runs,
      profile,
    };
    return results;
  } finally {
    for (const node of nodes) await node.stop();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

benchMain("runtime", main, runtimeMarkdown);
