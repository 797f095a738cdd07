// bench/results/runtime.md from runtime.json: each figure beside its
// baseline of the same repeat, the issue's targets as ratios.
import { profileSection } from "../support/profile";
import { fmt, ok, over, ratio, type Spread } from "../support/repeats";

/* eslint-disable @typescript-eslint/no-explicit-any -- the report reads the JSON it wrote */
type R = Record<string, any>;

const load = (s: { rps: Spread; p50: Spread; p99: Spread }) => `${fmt(s.rps)} req/s · p50 ${fmt(s.p50, 1)} · p99 ${fmt(s.p99, 1)} ms`;
const loadOf = (runs: R[], pick: (r: R) => R) => ({
  rps: over(runs, (r) => pick(r).rps),
  p50: over(runs, (r) => pick(r).p50),
  p99: over(runs, (r) => pick(r).p99),
});
const locks = (runs: R[], pick: (r: R) => R) =>
  `max ${fmt(over(runs, (r) => pick(r).locks.waitingMax))}, mean ${fmt(
    over(runs, (r) => pick(r).locks.waitingMean),
    2,
  )}`;
const lockKinds = (runs: R[], pick: (r: R) => R) => {
  const kinds: Record<string, number> = {};
  for (const run of runs)
    for (const [kind, n] of Object.entries(pick(run).locks.byEvent as Record<string, number>)) kinds[kind] = (kinds[kind] ?? 0) + n;
  return Object.keys(kinds).length
    ? Object.entries(kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")
    : "none";
};
const errors = (runs: R[], pick: (r: R) => R) => runs.reduce((n, r) => n + pick(r).errors, 0);

export function runtimeMarkdown(r: R): string {
  const runs = r.runs as R[];
  const rows: string[] = [];
  const targets: string[] = [];
  for (const c of [10, 100]) {
    const health = loadOf(runs, (x) => x.health[c]);
    const fetch = loadOf(runs, (x) => x.fetch[c]);
    const notModified = loadOf(runs, (x) => x.notModified[c]);
    const two = loadOf(runs, (x) => x.twoNodes[c]);
    rows.push(
      `| ${c} | /api/health (baseline) | ${load(health)} | — |`,
      `| ${c} | runtime fetch, one node | ${load(fetch)} | locks waiting: ${locks(runs, (x) => x.fetch[c])}; errors ${errors(runs, (x) => x.fetch[c])} |`,
      `| ${c} | runtime fetch, two nodes (${c / 2} connections each) | ${load(two)} | locks waiting: ${locks(runs, (x) => x.twoNodes[c])}; errors ${errors(runs, (x) => x.twoNodes[c])} |`,
      `| ${c} | 304 (If-None-Match) | ${load(notModified)} | errors ${errors(runs, (x) => x.notModified[c])} |`,
    );
    const vsHealth = over(runs, (x) => x.fetch[c].rps / x.health[c].rps);
    const p99VsHealth = over(runs, (x) => x.fetch[c].p99 / x.health[c].p99);
    const vsPgbench = over(runs, (x) => x.fetch[c].rps / x.pgbench.fetch.tps);
    const twoVsOne = over(runs, (x) => x.twoNodes[c].rps / x.fetch[c].rps);
    const twoLocks = over(runs, (x) => x.twoNodes[c].locks.waitingMax);
    const nmVsHealth = over(runs, (x) => x.notModified[c].rps / x.health[c].rps);
    targets.push(
      `| fetch ÷ health, req/s, ${c} connections | ${ratio(vsHealth)} | ≥ 0.5× | ${ok(vsHealth.median >= 0.5)} |`,
      `| fetch p99 ÷ health p99, ${c} connections | ${ratio(p99VsHealth)} | ≤ 3× | ${ok(p99VsHealth.median <= 3)} |`,
      `| fetch ÷ pgbench of its SQL, ${c} connections | ${ratio(vsPgbench)} | ≥ 0.8× | ${ok(vsPgbench.median >= 0.8)} |`,
      `| two nodes ÷ one node, ${c} connections | ${ratio(twoVsOne)} | ≥ 1.0× | ${ok(twoVsOne.median >= 1)} |`,
      `| connections waiting on a lock, two nodes, ${c} connections (max per run) | ${fmt(twoLocks)} | 0 | ${ok(twoLocks.max === 0)} |`,
      `| 304 ÷ health, req/s, ${c} connections | ${ratio(nmVsHealth)} | — | |`,
    );
  }
  const pg = (pick: (x: R) => R) =>
    `${fmt(over(runs, (x) => pick(x).tps))} tps · p50 ${fmt(
      over(runs, (x) => pick(x).p50),
      1,
    )} · p99 ${fmt(
      over(runs, (x) => pick(x).p99),
      1,
    )} ms`;
  const statements = (op: R) =>
    op.statements.map((s: string, i: number) => `${i + 1}. \`${s.length > 160 ? `${s.slice(0, 157)}…` : s}\``).join("\n");
  return `# Runtime fetch benchmark (${r.date})

${r.machine}. A service with ${r.secrets} bound secrets fetches \`GET /api/v1/runtime/secrets\` with its token.
Server started as \`npm start\` starts it: \`${r.server.command}\` with MALLOC_ARENA_MAX=${r.server.mallocArenaMax}, COFFER_LOG_LEVEL=${r.server.logLevel}.
Load: ${r.loadGenerator}; ${r.seconds} s per figure, ${r.repeats} repeats, each figure as median (min–max) over the repeats.

| connections | measure | result | notes |
|---|---|---|---|
${rows.join("\n")}
| 10 | pgbench of one fetch's SQL (baseline), ${r.pgbenchClients} clients | ${pg((x) => x.pgbench.fetch)} | locks waiting: ${locks(runs, (x) => x.pgbench.fetch)} |
| 10 | pgbench of one 304's SQL, ${r.pgbenchClients} clients | ${pg((x) => x.pgbench.notModified)} | |

Targets, each a ratio within one repeat, judged on the median:

| target | result | wanted | |
|---|---|---|---|
${targets.join("\n")}

Which locks the waiting connections waited on (samples × connections, all repeats): one node ${lockKinds(runs, (x) => x.fetch[100])}; two nodes ${lockKinds(runs, (x) => x.twoNodes[100])}.

${profileSection(r.profile, "a fetch run at 100 connections")}
How the baselines are measured
- \`/api/health\`: the same server, same connections, same run: the HTTP stack, routing and one \`SELECT 1\`.
- pgbench: the statements one fetch sent, captured on the wire between the node and PostgreSQL
  (bench/support/sql-capture.ts; ids and names that differ between fetches become pgbench random
  variables), run by pgbench with ${r.pgbenchClients} clients — the app node's pool size, the most connections it
  uses at either HTTP connection count. ${r.sql.fetch.perRun} statements per fetch (${r.sql.fetch.agreeing} of ${r.sql.fetch.runs} captured fetches sent exactly these):

${statements(r.sql.fetch)}

  and per 304 (${r.sql.notModified.perRun}):

${statements(r.sql.notModified)}
- Two nodes: two servers on ports 3330 and 3331 on the one database, the connections split evenly
  between them; "one node" is the fetch row of the same repeat.
- Lock waits: \`pg_stat_activity\` of the benchmark database sampled every 50 ms during each run
  (\`wait_event_type = 'Lock'\`); "max" is the most at one sample, "mean" the average over samples.
- The machine has 2 cores shared by the servers, PostgreSQL, pgbench and the load generator, and
  by other sessions: read each figure against its baseline of the same repeat.
- \`npx tsx bench/runtime/run.ts --report\` rewrites this file from runtime.json.
`;
}
