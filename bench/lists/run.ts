// npm run bench:lists — lists at scale (issue 17): 100,000 secrets in one
// namespace (bench/lists/seed.ts), a page of 100 unfiltered, by label and
// by name prefix, through the API and the console page, each beside
// EXPLAIN ANALYZE of the SQL that page runs (built by the same functions,
// lib/secrets/list-secrets-sql.ts, run in the same repeat), with the
// server's RSS sampled from start to end. Results go to
// bench/results/lists.json and lists.md; `--report` rewrites the .md.
import { readFileSync } from "node:fs";
import { rmSync } from "node:fs";
import pg from "pg";
import { Prisma } from "../../lib/generated/prisma/client";
import { cappedCount, orderBy, secretWhere, SUMMARY_COLUMNS, SUMMARY_JOINS, type SecretFilters } from "../../lib/secrets/list-secrets-sql";
import { measure } from "../audit/load";
import { benchMain } from "../support/bench-main";
import { createDatabase, instanceEnv, OWNER, serverCommandLine, setupOwner, snapshotBuild, startNode } from "../support/instance";
import { MACHINE, REPEATS, runRepeats } from "../support/repeats";
import { serverEnv } from "../../scripts/server-process.mjs";
import { listsMarkdown } from "./report";
import { LABEL, NAMESPACE, PREFIX, SECRETS, seedSecrets } from "./seed";

const PORT = 3342;
/** Requests per figure, one at a time: the latency of a page, not the throughput of many. */
const REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 100);
const CONCURRENCY = 1;

type Scenario = { name: string; filters: SecretFilters; query: string };
const SCENARIOS: Scenario[] = [
  { name: "unfiltered", filters: { labels: [] }, query: "" },
  { name: `label ${LABEL.key}=${LABEL.value}`, filters: { labels: [LABEL] }, query: `label=${LABEL.key}=${LABEL.value}` },
  { name: `name prefix ${PREFIX}`, filters: { labels: [], namePrefix: PREFIX }, query: `name=${PREFIX}` },
];

const apiPath = (s: Scenario) =>
  `/api/v1/namespaces/${NAMESPACE}/secrets?limit=100${s.query ? `&filter=${encodeURIComponent(s.query)}` : ""}`;
const consolePath = (s: Scenario) => {
  const [kind, ...rest] = s.query.split("=");
  const filter = s.query ? `&${kind}=${encodeURIComponent(rest.join("="))}` : "";
  return `/secrets?ns=${NAMESPACE}${filter}`;
};

/** A console session as a browser gets one: Auth.js's CSRF token, then the credentials callback. */
async function consoleCookie(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const body = new URLSearchParams({ csrfToken, email: OWNER.email, password: OWNER.password, callbackUrl: `${base}/secrets` });
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body,
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error(`console sign-in failed: ${signIn.status} ${signIn.headers.get("location")}`);
  return session.join("; ");
}

type Plan = { executionMs: number; planningMs: number; plan: string };

/** EXPLAIN ANALYZE of a Prisma.sql query, with its bound values, on the bench database. */
async function explain(client: pg.Client, sql: Prisma.Sql): Promise<Plan> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
  const lines = rows.map((r) => r["QUERY PLAN"]);
  const ms = (label: string) => Number(new RegExp(`${label} Time: ([\\d.]+) ms`).exec(lines.join("\n"))?.[1] ?? NaN);
  return { executionMs: ms("Execution"), planningMs: ms("Planning"), plan: lines.filter((l) => !/Time:/.test(l)).join("\n") };
}

/** A first page's query (summaries joined) and the console's capped count, exactly as listSecretsPage builds them. */
function pageSql(namespaceId: string, filters: SecretFilters, staleBefore: Date) {
  const where = secretWhere(namespaceId, filters, staleBefore);
  const order = { key: "name", dir: "asc" } as const;
  return {
    page: Prisma.sql`SELECT ${SUMMARY_COLUMNS} FROM "Secret" s ${SUMMARY_JOINS} WHERE ${where} AND ${Prisma.sql`TRUE`} ORDER BY ${orderBy(order)} LIMIT ${101}`,
    count: Prisma.sql`SELECT ${cappedCount(where)} AS "total", ${Prisma.sql`0`}::int AS "offset"`,
  };
}

function rssSampler(pid: number) {
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const samples: number[] = [];
  let phasePeak = 0;
  const timer = setInterval(() => {
    try {
      const mb = rss();
      samples.push(mb);
      phasePeak = Math.max(phasePeak, mb);
    } catch {
      // The server exited: nothing more to sample.
    }
  }, 100);
  return {
    now: () => Math.round(rss()),
    /** The peak since the last call. */
    phase: () => {
      const peak = Math.round(Math.max(phasePeak, rss()));
      phasePeak = 0;
      return peak;
    },
    stop: () => {
      clearInterval(timer);
      const sorted = [...samples].sort((a, b) => a - b);
      return {
        samples: samples.length,
        minMb: Math.round(sorted[0] ?? 0),
        medianMb: Math.round(sorted[sorted.length >> 1] ?? 0),
        peakMb: Math.round(sorted.at(-1) ?? 0),
      };
    },
  };
}

async function main() {
  const root = snapshotBuild();
  const db = await createDatabase("lists");
  const env = instanceEnv(PORT);
  let node: Awaited<ReturnType<typeof startNode>> | undefined;
  const client = new pg.Client({ connectionString: db.url });
  try {
    node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
    const owner = await setupOwner(node);
    console.log(`seeding ${SECRETS.toLocaleString("en")} secrets…`);
    const seeding = performance.now();
    await seedSecrets(db.url);
    const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;
    // A fresh start, so RSS is sampled from the server's first request to its last.
    await node.stop();
    node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
    const rss = rssSampler(node.child.pid!);
    const startedMb = rss.now();
    await client.connect();
    const [{ id: namespaceId }] = (await client.query<{ id: string }>(`SELECT "id" FROM "Namespace" WHERE "name" = $1`, [NAMESPACE]))
      .rows as [{ id: string }];
    const api = { authorization: `Bearer ${owner}` };
    const browser = { cookie: await consoleCookie(node.base) };
    for (const s of SCENARIOS) {
      // Warm-up, and a check that each answers what it should.
      await measure(`${node.base}${apiPath(s)}`, api, 10, 1);
      await measure(`${node.base}${consolePath(s)}`, browser, 5, 1);
    }
    const check = await fetch(`${node.base}${consolePath(SCENARIOS[0]!)}`, { headers: browser }).then((r) => r.text());
    if (!check.includes("page-range")) throw new Error("the console page did not render a page of secrets (signed out?)");
    const warmMb = rss.phase();
    const staleDays = 90;
    const repeats = await runRepeats(REPEATS, async () => {
      const out: Record<string, unknown>[] = [];
      for (const s of SCENARIOS) {
        const apiRun = await measure(`${node!.base}${apiPath(s)}`, api, REQUESTS, CONCURRENCY);
        const apiRssMb = rss.phase();
        const consoleRun = await measure(`${node!.base}${consolePath(s)}`, browser, REQUESTS, CONCURRENCY);
        const consoleRssMb = rss.phase();
        const sql = pageSql(namespaceId, s.filters, new Date(Date.now() - staleDays * 86_400_000));
        const pagePlan = await explain(client, sql.page);
        const countPlan = await explain(client, sql.count);
        console.log(
          `  ${s.name}: API p95 ${apiRun.p95} ms, console p95 ${consoleRun.p95} ms, SQL page ${pagePlan.executionMs} ms, count ${countPlan.executionMs} ms`,
        );
        out.push({ scenario: s.name, api: apiRun, console: consoleRun, apiRssMb, consoleRssMb, pagePlan, countPlan });
      }
      return out;
    });
    const probe = await fetch(`${node.base}${apiPath(SCENARIOS[0]!)}`, { headers: api }).then((r) => r.text());
    const consoleProbe = await fetch(`${node.base}${consolePath(SCENARIOS[0]!)}`, { headers: browser }).then((r) => r.text());
    return {
      date: new Date().toISOString(),
      machine: MACHINE,
      server: {
        command: serverCommandLine(),
        mallocArenaMax: serverEnv.MALLOC_ARENA_MAX,
        logLevel: env.COFFER_LOG_LEVEL,
        database: "PostgreSQL 15",
      },
      secrets: SECRETS,
      seedSeconds,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      repeats: REPEATS,
      paths: Object.fromEntries(SCENARIOS.map((s) => [s.name, { api: apiPath(s), console: consolePath(s) }])),
      bytes: {
        apiPage: Buffer.byteLength(probe),
        consolePage: Buffer.byteLength(consoleProbe),
        // What 100 more rows add: the same page at limit 100 less the same page's chrome (an empty filter result).
        consoleEmpty: Buffer.byteLength(
          await fetch(`${node.base}/secrets?ns=${NAMESPACE}&name=no-such-prefix`, { headers: browser }).then((r) => r.text()),
        ),
      },
      rss: { startedMb, warmMb, ...rss.stop() },
      runs: repeats,
    };
  } finally {
    await client.end().catch(() => undefined);
    await node?.stop();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

benchMain("lists", main, listsMarkdown);
