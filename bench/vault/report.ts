// bench/results/vault.md from vault.json: each Vault API figure beside its
// baselines of the same repeat, and the audit reconciliation.
import { figureRows } from "../support/path-bench";
import { ok, over, ratio, type Spread } from "../support/repeats";

/* eslint-disable @typescript-eslint/no-explicit-any -- the report reads the JSON it wrote */
type R = Record<string, any>;

const ROWS: [string, string][] = [
  ["health", "`GET /api/health` (baseline)"],
  ["vaultHealth", "`GET /v1/sys/health`"],
  ["runtime", "`GET /api/v1/runtime/secrets`, 1 bound secret, service token (baseline)"],
  ["vaultRead", "`GET /v1/secret/data/<name>`, the same bound secret, the same service token"],
  ["vaultList", "`LIST /v1/secret/metadata` (as GET `?list=true`), service token"],
  ["vaultWrite", "`POST /v1/secret/data/<name>`, a person's token: a new version each"],
];

type Group = "loaded" | "single";
const figures = (runs: R[], g: Group) => figureRows(runs, g, ROWS);

function ratios(runs: R[]): string {
  const r = (a: string, b: string, field: string, g: Group = "loaded") => over(runs, (x) => x[g][a][field] / x[g][b][field]);
  const rows: [string, Spread][] = [
    ["Vault read ÷ runtime read, req/s", r("vaultRead", "runtime", "rps")],
    ["Vault read p99 ÷ runtime read p99", r("vaultRead", "runtime", "p99")],
    ["Vault read ÷ health, req/s", r("vaultRead", "health", "rps")],
    ["sys/health ÷ /api/health, req/s", r("vaultHealth", "health", "rps")],
    ["Vault LIST ÷ runtime read, req/s", r("vaultList", "runtime", "rps")],
    ["Vault write ÷ runtime read, req/s", r("vaultWrite", "runtime", "rps")],
    ["Vault read p50 ÷ runtime read p50, 1 connection", r("vaultRead", "runtime", "p50", "single")],
  ];
  return rows.map(([label, s]) => `| ${label} | ${ratio(s)} |`).join("\n");
}

function auditSection(a: R): string {
  const row = (label: string, x: { sent: number; events: number }, what: string) =>
    `| ${label} | ${x.sent} | ${x.events} ${what} | ${ok(x.sent === x.events)}${x.sent === x.events ? "" : ` (${x.events - x.sent > 0 ? "+" : ""}${x.events - x.sent})`} |`;
  return `| path | requests sent | in the audit trail | |
|---|---|---|---|
${row("Vault read (service token)", a.vaultReads, '`secret.read` events with `api: "vault"`')}
${row("runtime read (1 binding)", a.runtimeReads, "`secret.read` events")}
${row("Vault LIST (service token)", a.vaultLists, "`secret.list` events")}
${row("Vault write (person)", a.vaultWrites, "`secret.create`/`secret.rotate` events")}

Denied or failed events: ${a.denied}. ${a.auditEvents} audit events in all.`;
}

export function vaultMarkdown(r: R): string {
  const runs = r.runs as R[];
  const warnings = r.warnings as { count: number; first: string[] };
  const readRatio = over(runs, (x) => x.loaded.vaultRead.rps / x.loaded.runtime.rps);
  return `# Vault KV v2 API benchmark (${r.date})

${r.machine}. The /v1 routes Vault clients call, against the built server started as \`npm start\` starts it:
\`${r.server.command}\` with MALLOC_ARENA_MAX=${r.server.mallocArenaMax}, COFFER_LOG_LEVEL=${r.server.logLevel}, on a fresh PostgreSQL
database. Load: ${r.loadGenerator}; ${r.connections} connections (the node's pool size), ${r.seconds} s per figure, ${r.repeats} repeats,
each figure as median (min–max) over the repeats; the baselines are measured in the same repeat, minutes apart.

| ${r.connections} connections | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | server peak RSS MB |
|---|---|---|---|---|---|---|---|
${figures(runs, "loaded")}

The same on one connection (${r.singleSeconds} s per figure):

| 1 connection | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | server peak RSS MB |
|---|---|---|---|---|---|---|---|
${figures(runs, "single")}

Ratios, each taken within one repeat:

| ratio | result |
|---|---|
${ratios(runs)}

A Vault read is the runtime read of one binding in another shape (the same grant check, decryption, first-read row and
\`secret.read\` event in one transaction), so it should cost about the same: median ratio ${ratio(readRatio)}.

## Audit trail after the run

Every request the load generator sent (checks and warm-up included), against the trail once the server had stopped:

${auditSection(r.audit)}

Server memory (VmRSS): ${r.memory.rssAfterWarmMb} MB after the warm-up, ${r.memory.rssEndMb} MB after the last repeat.
Server warnings and errors logged during the run: ${warnings.count}${
    warnings.first.length ? `, the first:\n\n${warnings.first.map((l) => `    ${l}`).join("\n")}` : "."
  }

## How it is measured

- One server on port 3350, a fresh database, the fixtures made through /api/v1 (bench/vault/provision.ts): one secret
  with two keys bound to one service and a service token for it, used both for the runtime baseline and the Vault read.
  Each path is checked once before it is timed (the read answers the bound password, LIST names the one bound secret,
  the first write makes version 1, sys/health says initialized and unsealed).
- Every path is warmed for 3 s first. Within each repeat: health, sys/health, runtime read, Vault read, LIST, write at
  ${r.connections} connections, then health, runtime read and Vault read on one. Peak RSS is the server's VmRSS sampled every 50 ms.
- The machine's cores are shared by the server, PostgreSQL, the load generator and other sessions: read each figure
  against its baselines of the same repeat. \`npx tsx bench/vault/run.ts --report\` rewrites this file from vault.json.
`;
}
