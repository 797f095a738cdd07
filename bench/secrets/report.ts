// bench/results/secrets.md from secrets.json.
import { profileSection } from "../support/profile";
import { fmt, ok, over, ratio } from "../support/repeats";

/* eslint-disable @typescript-eslint/no-explicit-any -- the report reads the JSON it wrote */
type R = Record<string, any>;

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

export function secretsMarkdown(r: R): string {
  const create = r.create as R[];
  const rewrap = r.rewrap as R[];
  const createRatio = over(create, (x) => x.api.rps / x.pgbench.tps);
  const rewrapRatio = over(rewrap, (x) => x.jobPerSecond / x.plainPerSecond);
  const createErrors = create.reduce((n, x) => n + x.api.errors, 0);
  const createStatements = (r.sql.create.statements as string[]).map((s, i) => `${i + 1}. \`${clip(s)}\``).join("\n");
  const rewrapStatements = (r.sql.rewrap.statements as { count: number; sql: string }[])
    .map((s) => `- ${s.count.toLocaleString("en")} × \`${clip(s.sql)}\``)
    .join("\n");
  return `# Secret write benchmark (${r.date})

${r.machine}.
Server started as \`npm start\` starts it: \`${r.server.command}\` with MALLOC_ARENA_MAX=${r.server.mallocArenaMax}, COFFER_LOG_LEVEL=${r.server.logLevel}.
Load: ${r.loadGenerator}; ${r.seconds} s per figure, ${r.repeats} repeats, each figure as median (min–max) over the repeats.

| measure | result | baseline (same repeat) | ratio | target | |
|---|---|---|---|---|---|
| secret create, \`POST /api/v1/namespaces/default/secrets\`, ${r.connections} connections | ${fmt(over(create, (x) => x.api.rps))} creates/s · p50 ${fmt(
    over(create, (x) => x.api.p50),
    1,
  )} · p99 ${fmt(
    over(create, (x) => x.api.p99),
    1,
  )} ms (errors ${createErrors}) | pgbench of its ${r.sql.create.perRun} statements, ${r.pgbenchClients} clients: ${fmt(over(create, (x) => x.pgbench.tps))} tps · p50 ${fmt(
    over(create, (x) => x.pgbench.p50),
    1,
  )} · p99 ${fmt(
    over(create, (x) => x.pgbench.p99),
    1,
  )} ms | ${ratio(createRatio)} | ≥ 0.5× | ${ok(createRatio.median >= 0.5)} |
| re-wrap of ${fmt(over(rewrap, (x) => x.versions))} secret versions (key1 → key2), the job's startedAt → finishedAt | ${fmt(over(rewrap, (x) => x.jobPerSecond))} versions/s (${fmt(
    over(rewrap, (x) => x.jobMs / 1000),
    2,
  )} s) | the job's ${r.sql.rewrap.total.toLocaleString("en")} step statements replayed plainly: ${fmt(over(rewrap, (x) => x.plainPerSecond))} versions/s (${fmt(
    over(rewrap, (x) => x.plainMs / 1000),
    2,
  )} s) | ${ratio(rewrapRatio)} | — (before the fix: 0.25–0.38×) | |

${profileSection(r.profile, `${r.seconds} s of creates at ${r.connections} connections`)}
How the baselines are measured
- Create: the statements one \`POST\` sent, captured on the wire between the node and PostgreSQL
  (bench/support/sql-capture.ts); ids and the secret's name, which differ between creates, become
  pgbench random variables; the ciphertext, nonce and wrapped data key stay as captured (valid
  under key1). ${r.pgbenchClients} clients: the node's pool size. Statements (${r.sql.create.agreeing} of ${r.sql.create.runs} captured creates sent exactly these):

${createStatements}

- Re-wrap: the keyring file gets a new first key and the node restarts, as README's rotation
  steps say; \`POST /api/v1/encryption {"action":"rewrap"}\` starts the job and its own
  timestamps time it (the worker's pick-up delay is outside). Each repeat runs on a fresh copy
  (\`CREATE DATABASE … TEMPLATE\`) of the same database. The baseline replays, on another fresh
  copy, the job's step transactions exactly as captured in an unmeasured run (every transaction
  that updated a SecretVersion, whole: BEGIN … COMMIT), one connection, node-postgres, no Prisma,
  no crypto. What the job's steps sent:

${rewrapStatements}

- The versions re-wrapped are the secrets created through the API above, topped up through the API
  to ${r.versions.toLocaleString("en")} versions; pgbench's copies are deleted first: a copy's data key is bound to the id of
  the secret it was captured from (the AAD), so it could not be re-wrapped.
- \`npx tsx bench/secrets/run.ts --report\` rewrites this file from secrets.json.
`;
}
