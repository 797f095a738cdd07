// npm run bench:vault — the Vault KV v2 API (/v1) against the built server,
// each figure beside baselines of the same repeat:
//   - a service token's KV read of one bound secret (an audited read: one
//     secret.read event each) beside /api/health and the runtime API read
//     of the same binding with the same token (the same audited read);
//   - sys/health (what load balancers and clients probe) beside /api/health;
//   - a service token's LIST, and a person's KV write (a rotation: a new
//     sealed version and its event) beside the runtime read.
// Afterwards the audit trail is reconciled with what the load generator sent.
// Results: bench/results/vault.json and .md;
// `npx tsx bench/vault/run.ts --report` rewrites the .md from the .json.
import { rmSync } from "node:fs";
import { benchMain } from "../support/bench-main";
import { measurePaths, serverWarnings, type PathPlan } from "../support/path-bench";
import { createDatabase, instanceEnv, serverCommandLine, setupOwner, snapshotBuild, startNode } from "../support/instance";
import { MACHINE, REPEATS, SECONDS } from "../support/repeats";
import { serverEnv } from "../../scripts/server-process.mjs";
import {
  CHECK_CALLS,
  provision,
  RUNTIME_PATH,
  VAULT_HEALTH_PATH,
  VAULT_LIST_PATH,
  VAULT_READ_PATH,
  VAULT_WRITE_PATH,
  writeBody,
} from "./provision";
import { reconcile } from "./reconcile";
import { vaultMarkdown } from "./report";

const PORT = 3350;
/** The app node's database pool size: more connections only queue inside the server. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_SECONDS = 3;
const SINGLE: Measure[] = ["health", "runtime", "vaultRead"];
const SINGLE_SECONDS = Math.max(2, Math.round(SECONDS / 2));

export type Measure = "health" | "vaultHealth" | "runtime" | "vaultRead" | "vaultList" | "vaultWrite";

async function main() {
  const root = snapshotBuild();
  const db = await createDatabase("vault");
  const env = instanceEnv(PORT);
  const node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
  let stopped = false;
  try {
    const owner = await setupOwner(node);
    const fx = await provision(node.base, owner);
    const vaultToken = (token: string) => ({ "x-vault-token": token });
    let n = 0;
    const plans: Record<Measure, PathPlan> = {
      health: { path: "/api/health" },
      vaultHealth: { path: VAULT_HEALTH_PATH },
      runtime: { path: RUNTIME_PATH, headers: { authorization: `Bearer ${fx.serviceToken}` } },
      vaultRead: { path: VAULT_READ_PATH, headers: vaultToken(fx.serviceToken) },
      vaultList: { path: VAULT_LIST_PATH, headers: vaultToken(fx.serviceToken) },
      vaultWrite: { path: VAULT_WRITE_PATH, method: "POST", headers: vaultToken(fx.ownerToken), body: () => writeBody(++n) },
    };
    const sent: Record<Measure, number> = { health: 0, ...CHECK_CALLS };
    const { runs, rssAfterWarmMb, rssEndMb } = await measurePaths({
      node,
      plans,
      sent,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmSeconds: WARM_SECONDS,
      repeats: REPEATS,
      single: SINGLE,
      singleSeconds: SINGLE_SECONDS,
    });

    await node.stop();
    stopped = true;
    const audit = await reconcile(db.url, sent);

    return {
      date: new Date().toISOString(),
      machine: MACHINE,
      server: { command: serverCommandLine(), mallocArenaMax: serverEnv.MALLOC_ARENA_MAX, logLevel: env.COFFER_LOG_LEVEL },
      loadGenerator: "bench/support/http-load.ts (closed loop, keep-alive node:http; autocannon is not installed)",
      connections: CONNECTIONS,
      seconds: SECONDS,
      singleSeconds: SINGLE_SECONDS,
      repeats: REPEATS,
      runs,
      memory: { rssAfterWarmMb, rssEndMb },
      sent,
      audit,
      warnings: serverWarnings(node.output()),
    };
  } finally {
    if (!stopped) await node.stop();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

benchMain("vault", main, vaultMarkdown);
