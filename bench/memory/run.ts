// Resident memory of a started server at rest, on the embedded database
// (PGlite) and on PostgreSQL (issue 17: target ≤ 250 MB at rest). Each
// mode: start the built server as `npm start` does, create the owner, load
// a few console pages and API calls, wait, then sample VmRSS.
// Writes bench/results/memory.{md,json}.
import { join } from "node:path";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { api, createDatabase, instanceEnv, OWNER, setupOwner, snapshotBuild, startNode, type AppNode } from "../support/instance";

const SAMPLES = Number(process.env.BENCH_MEMORY_SAMPLES ?? 10);
const REST_MS = Number(process.env.BENCH_MEMORY_REST_MS ?? 10_000);
const PAGES = ["/login", "/secrets", "/services", "/audit", "/team", "/settings"];

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v);
  return { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted.at(-1)!) };
};

async function signIn(node: AppNode): Promise<string> {
  // The console's cookie, through Auth.js's credentials flow, as a browser would.
  const csrf = await fetch(`${node.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${node.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: node.base },
    body: new URLSearchParams({ csrfToken, email: OWNER.email, password: OWNER.password }),
  });
  return [jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

async function measure(
  label: string,
  root: string,
  port: number,
  databaseUrl: string | null,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  const env = { ...instanceEnv(port), ...extra };
  // An empty DATABASE_URL is the embedded PGlite, in the node's temporary data directory.
  const node = await startNode({ root, port, databaseUrl: databaseUrl ?? "", env, nodeArgs });
  try {
    const pid = node.child.pid!;
    await sleep(2_000);
    const afterStart = rssMb(pid);
    const token = await setupOwner(node);
    const cookie = await signIn(node);
    for (let round = 0; round < 3; round++) {
      for (const page of PAGES) await fetch(`${node.base}${page}`, { headers: { cookie } }).then((r) => r.text());
      await api(node.base, token, "GET", "/api/v1/namespaces");
      await api(node.base, token, "GET", "/api/v1/namespaces/default/secrets");
    }
    const afterLoad = rssMb(pid);
    await sleep(REST_MS);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      samples.push(rssMb(pid));
      await sleep(1_000);
    }
    return { mode: label, afterStartMb: Math.round(afterStart), afterLoadMb: Math.round(afterLoad), restMb: stats(samples), samples };
  } finally {
    await node.stop();
  }
}

async function main() {
  const root = snapshotBuild();
  const base = 4300 + (process.pid % 500);
  const results = [];
  // The baseline: PostgreSQL's default buffer pool, as before issue 17.
  if (!process.env.BENCH_MEMORY_PGLITE_ONLY)
    results.push(await measure("pglite, shared_buffers=128MB (before)", root, base + 2, null, { COFFER_PGLITE_SHARED_BUFFERS: "128MB" }));
  results.push(await measure("pglite", root, base, null));
  // Settings under trial, measured beside the baseline in the same run:
  // BENCH_MEMORY_VARIANTS='[{"label":"…","env":{…},"nodeArgs":[…]}]'.
  const variants = JSON.parse(process.env.BENCH_MEMORY_VARIANTS ?? "[]") as {
    label: string;
    env?: Record<string, string>;
    nodeArgs?: string[];
  }[];
  for (const [i, v] of variants.entries()) results.push(await measure(v.label, root, base + 3 + i, null, v.env, v.nodeArgs));
  if (process.env.BENCH_MEMORY_PGLITE_ONLY) {
    process.stdout.write(`${JSON.stringify(results.map((r) => [r.mode, r.afterStartMb, r.afterLoadMb, r.restMb]))}\n`);
    return;
  }
  const database = await createDatabase(`memory_${process.pid}`);
  try {
    results.push(await measure("postgresql", root, base + 1, database.url));
  } finally {
    await database.drop();
  }
  const out = join(process.cwd(), "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "memory.json"), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
  const rows = results.map(
    (r) => `| ${r.mode} | ${r.afterStartMb} | ${r.afterLoadMb} | ${r.restMb.min} / ${r.restMb.median} / ${r.restMb.max} |`,
  );
  const md = [
    "# Server memory at rest",
    "",
    `Resident memory (VmRSS, MB) of the built server; ${SAMPLES} samples 1 s apart after ${REST_MS / 1000} s of rest,`,
    `following ${PAGES.length} console pages and 2 API calls loaded 3 times. Target ≤ 250 MB at rest.`,
    "",
    "| database | after start | after load | at rest min / median / max |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(join(out, "memory.md"), md);
  process.stdout.write(md);
}

void main();
