// npm run bench:secrets — writes on the secret path, each beside
// a baseline of the same repeat:
//   - secret create through the API (10 connections) against pgbench of
//     the statements one create runs (captured on the wire), 10 clients;
//   - re-wrap of every secret version by the key-rotation job against the
//     job's own step transactions replayed plainly (bench/secrets/rewrap.ts).
// Results go to bench/results/secrets.json and secrets.md;
// `npx tsx bench/secrets/run.ts --report` rewrites the .md from the .json.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureOperations, operationScripts } from "../support/capture-operation";
import { runLoad } from "../support/http-load";
import {
  adminQuery,
  api,
  createDatabase,
  instanceEnv,
  serverCommandLine,
  setupOwner,
  snapshotBuild,
  startNode,
  type AppNode,
} from "../support/instance";
import { benchMain } from "../support/bench-main";
import { runPgbench } from "../support/pgbench";
import { profiled, type ProfileSummary } from "../support/profile";
import { MACHINE, REPEATS, runRepeats, SECONDS } from "../support/repeats";
import { serverEnv } from "../../scripts/server-process.mjs";
import { statementCounts, timedJobRun, timedPlainReplay, writeKeyring, rewrapThroughApi } from "./rewrap";
import { secretsMarkdown } from "./report";

const PORT = 3332;
const CONNECTIONS = 10;
const PG_CLIENTS = 10;
const CREATE_PATH = "/api/v1/namespaces/default/secrets";
/** At least this many versions are re-wrapped, so one run lasts long enough to time. */
const REWRAP_VERSIONS = Number(process.env.BENCH_REWRAP_VERSIONS ?? 3000);

// A typical credential; the name is unique per request (16 random hex digits) so pgbench's copy can vary it too.
const createBody = (tag: string) =>
  JSON.stringify({ name: `bench-${tag}-${randomBytes(8).toString("hex")}`, stringData: { value: randomBytes(48).toString("base64") } });

async function createOnce(base: string, token: string, tag: string) {
  await api(base, token, "POST", CREATE_PATH, JSON.parse(createBody(tag)));
}

const countVersions = (url: string) =>
  adminQuery<{ versions: number }>(`SELECT count(*)::int AS versions FROM "SecretVersion"`, [], url) as Promise<[{ versions: number }]>;

/** Creates secrets through the API, 10 at a time, until there are REWRAP_VERSIONS versions. */
async function topUp(base: string, owner: string, url: string) {
  const [{ versions }] = await countVersions(url);
  let missing = REWRAP_VERSIONS - versions;
  if (missing <= 0) return;
  console.log(`creating ${missing} more secrets for the re-wrap…`);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (missing-- > 0) await createOnce(base, owner, "rewrap");
    }),
  );
}

async function main() {
  const root = snapshotBuild();
  const keys = mkdtempSync(join(tmpdir(), "coffer-bench-keys-"));
  const db = await createDatabase("secrets");
  const before = writeKeyring(keys, "before", ["key1"]);
  const after = writeKeyring(keys, "after", ["key2", "key1"]);
  // The keyring file replaces the master key (the two cannot both be set).
  const shared: Record<string, string> = instanceEnv(PORT);
  delete shared.COFFER_MASTER_KEY;
  const envWith = (keyring: string) => ({ ...shared, COFFER_KEYRING_FILE: keyring });
  let node: AppNode | undefined;
  try {
    node = await startNode({ root, port: PORT, databaseUrl: db.url, env: envWith(before.file) });
    const owner = await setupOwner(node);
    await node.stop();
    node = undefined;

    console.log("capturing the SQL of one create…");
    const captured = await captureOperations({
      root,
      database: db.name,
      env: envWith(before.file),
      port: 3337,
      proxyPort: 3336,
      operations: [{ name: "create", run: (base) => createOnce(base, owner, "pgbench") }],
    });
    const sql = await operationScripts(captured, db.name);

    node = await startNode({ root, port: PORT, databaseUrl: db.url, env: envWith(before.file) });
    const headers = { authorization: `Bearer ${owner}` };
    const createLoad = (seconds: number) =>
      runLoad({
        targets: [{ port: PORT }],
        path: CREATE_PATH,
        method: "POST",
        headers,
        body: () => createBody("load"),
        connections: CONNECTIONS,
        seconds,
        expectStatus: 201,
      });
    await createLoad(3); // warm-up
    const create = await runRepeats(REPEATS, async () => {
      const apiRun = await createLoad(SECONDS);
      const pgbench = await runPgbench(db.url, sql.create!.script, PG_CLIENTS, SECONDS);
      console.log(`  create: API ${apiRun.rps}/s, pgbench ${pgbench.tps} tps`);
      return { api: apiRun, pgbench };
    });
    // Where the node's CPU goes during creates (BENCH_PROFILE=0 skips this).
    let profile: ProfileSummary | null = null;
    if (process.env.BENCH_PROFILE !== "0") {
      await node.stop();
      const dir = mkdtempSync(join(tmpdir(), "coffer-bench-prof-"));
      profile = await profiled(
        (nodeArgs) => startNode({ root, port: PORT, databaseUrl: db.url, env: envWith(before.file), nodeArgs }).then((n) => (node = n)),
        () => createLoad(3),
        () => createLoad(SECONDS),
        dir,
      );
      rmSync(dir, { recursive: true, force: true });
      node = await startNode({ root, port: PORT, databaseUrl: db.url, env: envWith(before.file) });
    }

    // pgbench's copies carry a data key wrapped for another secret id (the AAD binds them), so
    // they cannot be re-wrapped: they go, and the API tops the secrets up to REWRAP_VERSIONS.
    await adminQuery(
      `DELETE FROM "SecretVersion" WHERE "secretId" IN (SELECT id FROM "Secret" WHERE name LIKE 'bench-pgbench-%')`,
      [],
      db.url,
    );
    await adminQuery(`DELETE FROM "Secret" WHERE name LIKE 'bench-pgbench-%'`, [], db.url);
    await topUp(node.base, owner, db.url);
    await node.stop();
    node = undefined;

    // Every version, all made through the API under key1, is re-wrapped to key2.
    const [{ versions }] = await countVersions(db.url);
    console.log(`capturing the re-wrap job's steps over ${versions} versions…`);
    const copy = await createDatabase("rewrapcap", db.name);
    let stepTrace;
    try {
      const traces = await captureOperations({
        root,
        database: copy.name,
        env: envWith(after.file),
        port: 3337,
        proxyPort: 3336,
        operations: [
          {
            name: "rewrap",
            runs: 1,
            keep: /^\s*UPDATE\s+"public"\."SecretVersion"/i,
            run: async (base) => {
              await rewrapThroughApi(base, owner, copy.url);
            },
          },
        ],
      });
      stepTrace = traces.rewrap![0]!;
    } finally {
      await copy.drop();
    }
    const rewrap = await runRepeats(REPEATS, async () => {
      const job = await timedJobRun({ root, template: db.name, port: PORT, env: envWith(after.file), ownerToken: owner });
      const plainMs = await timedPlainReplay(db.name, stepTrace);
      const run = {
        versions: job.versions,
        jobMs: job.ms,
        jobPerSecond: Math.round(job.versions / (job.ms / 1000)),
        plainMs: Math.round(plainMs),
        plainPerSecond: Math.round(job.versions / (plainMs / 1000)),
      };
      console.log(`  re-wrap: job ${run.jobPerSecond}/s, plain ${run.plainPerSecond}/s`);
      return run;
    });

    const results = {
      date: new Date().toISOString(),
      machine: MACHINE,
      server: { command: serverCommandLine(), mallocArenaMax: serverEnv.MALLOC_ARENA_MAX, logLevel: shared.COFFER_LOG_LEVEL },
      loadGenerator: "bench/support/http-load.ts (closed loop, keep-alive node:http; autocannon is not installed)",
      seconds: SECONDS,
      repeats: REPEATS,
      connections: CONNECTIONS,
      pgbenchClients: PG_CLIENTS,
      sql: { create: sql.create, rewrap: { statements: statementCounts(stepTrace), total: stepTrace.length } },
      versions,
      profile,
      create,
      rewrap,
    };
    return results;
  } finally {
    await node?.stop();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
    rmSync(keys, { recursive: true, force: true });
  }
}

benchMain("secrets", main, secretsMarkdown);
