// bench/results/log.md from log.json.
import { profileSection } from "../support/profile";
import { fmt, ok, over, ratio } from "../support/repeats";

/* eslint-disable @typescript-eslint/no-explicit-any -- the report reads the JSON it wrote */
type R = Record<string, any>;

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

export function logMarkdown(r: R): string {
  const verify = r.verify as R[];
  const appends = r.appends as R[];
  const lag = r.lag as R[];
  const verifyRate = over(verify, (x) => x.eventsPerSecond);
  const appendRatio = over(appends, (x) => x.lib.tps / x.pgbench.tps);
  const lagP99 = over(lag, (x) => x.lag.p99);
  const unsealed = lag.reduce((n, x) => n + (x.lag.events - x.lag.sealed), 0);
  const allOk = verify.every((x) => x.report.ok === true);
  const locks = (pick: (x: R) => R) => {
    const kinds: Record<string, number> = {};
    for (const x of appends)
      for (const [kind, n] of Object.entries(pick(x).locks.byEvent as Record<string, number>)) kinds[kind] = (kinds[kind] ?? 0) + n;
    const which = Object.keys(kinds).length
      ? ` (${Object.entries(kinds)
          .map(([k, n]) => `${k}: ${n}`)
          .join(", ")} samples × connections)`
      : "";
    return `max ${fmt(over(appends, (x) => pick(x).locks.waitingMax))}, mean ${fmt(
      over(appends, (x) => pick(x).locks.waitingMean),
      2,
    )}${which}`;
  };
  const statements = (r.sql.append.statements as string[]).map((s, i) => `${i + 1}. \`${clip(s)}\``).join("\n");
  return `# Audit log benchmark (${r.date})

${r.machine}.
Server started as \`npm start\` starts it: \`${r.server.command}\` with MALLOC_ARENA_MAX=${r.server.mallocArenaMax}, COFFER_LOG_LEVEL=${r.server.logLevel}.
${r.seconds} s per append figure, ${r.repeats} repeats, each figure as median (min–max) over the repeats.

| measure | result | baseline (same repeat) | ratio | target | |
|---|---|---|---|---|---|
| verification, \`POST /api/v1/audit/verify {"wait":true}\` | ${fmt(verifyRate)} events/s (${fmt(over(verify, (x) => x.events))} events in ${fmt(
    over(verify, (x) => x.seconds),
    2,
  )} s; ok: ${allOk}) | — | — | ≥ 200,000 events/s | ${ok(allOk && verifyRate.median >= 200_000)} |
| append, ${r.writers} writers, lib \`recordAudit\` in its own transaction | ${fmt(over(appends, (x) => x.lib.tps))} appends/s · p50 ${fmt(
    over(appends, (x) => x.lib.p50),
    1,
  )} · p99 ${fmt(
    over(appends, (x) => x.lib.p99),
    1,
  )} ms (errors ${appends.reduce((n, x) => n + x.lib.errors, 0)}) | pgbench of the same ${r.sql.append.perRun} statements, ${r.writers} clients: ${fmt(over(appends, (x) => x.pgbench.tps))} tps · p99 ${fmt(
    over(appends, (x) => x.pgbench.p99),
    1,
  )} ms | ${ratio(appendRatio)} | — | |
| connections waiting on a lock during the appends (lib) | ${locks((x) => x.lib)} | pgbench: ${locks((x) => x.pgbench)} | — | 0 | ${ok(over(appends, (x) => x.lib.locks.waitingMax).max === 0)} |
| sealing lag, commit → first checkpoint holding the event, at ${fmt(over(lag, (x) => x.load.achievedPerSecond))} events/s for ${r.lagLoad.seconds} s | p50 ${fmt(over(lag, (x) => x.lag.p50))} · p99 ${fmt(lagP99)} · max ${fmt(over(lag, (x) => x.lag.max))} ms (${fmt(over(lag, (x) => x.lag.checkpoints))} checkpoints per run; never sealed: ${unsealed} events${lag.some((x) => x.lag.noLeaf) ? ` — committed, yet passed over by the sequencer (sealedThroughSeq went beyond them; runs: ${lag.map((x) => x.lag.noLeaf).join(", ")})` : ""}) | — | — | p99 < 1,000 ms | ${ok(lagP99.median < 1000 && unsealed === 0)} |

${profileSection(r.profile, "one verification of the log")}
How it is measured
- Verification: ${r.seed.events.toLocaleString("en")} plain events (no prevHash/hash) seeded by bench/audit/seed.ts in ${r.seed.seedSeconds} s
  and sealed by the node's own sequencer (done ${r.seed.sealedSecondsAfterSeed} s after the seed's last commit); each repeat
  times one \`POST /api/v1/audit/verify {"wait":true}\` with the owner's token, end to end; events/s counts
  the leaves the report says it checked (\`checked\` + \`archived\`).
- Append: ${r.writers} loops in this process, each \`prisma.$transaction((tx) => recordAudits(tx, actor, [event]))\`
  on Prisma with @prisma/adapter-pg, one connection per writer, back to back; a server node runs beside them,
  its sequencer sealing what they append. The baseline is pgbench running the statements one append sent,
  captured on the wire (bench/support/sql-capture.ts), with as many clients:

${statements}

- Lock waits: \`pg_stat_activity\` of the benchmark database sampled every 50 ms (\`wait_event_type = 'Lock'\`;
  \`extend\` is PostgreSQL's relation-extension lock, taken when a table grows by a page).
- Never sealed: events of the run with no \`AuditLeaf\` after the sequencer's \`sealedThroughSeq\` passed the run's
  last number; the lag target counts as missed while there is any.
- Sealing lag: ${r.lagLoad.writers} writers in this process, open loop at ${r.lagLoad.perSecond.toLocaleString("en")} events/s in transactions of
  ${r.lagLoad.eventsPer} events (a runtime fetch of ${r.lagLoad.eventsPer} secrets writes that many), for ${r.lagLoad.seconds} s; the node's sequencer
  (every 250 ms) seals them. Per event: the \`time\` of the first \`AuditCheckpoint\` whose \`size\` > the event's
  \`leafIndex\`, minus the event's \`time\` (set just before its INSERT, so the lag includes the commit).
- \`npx tsx bench/log/run.ts --report\` rewrites this file from log.json.
`;
}
