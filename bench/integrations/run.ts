// npm run bench:integrations — the paths `coffer docker-plugin` and
// `coffer kms-plugin` call, against the built server, each figure beside
// baselines of the same repeat:
//   - a Swarm delivery of one bound secret (an audited read, one secret.read
//     event each) beside /api/health and the runtime API read of the same
//     one bound secret with a service token (also audited);
//   - KMS v2 Status, Encrypt (a 32-byte DEK seed) and Decrypt beside
//     /api/health and Status.
// Afterwards the audit trail is reconciled with what the load generator
// sent: every delivery must be one secret.read event and every KMS call one
// count in the integration.kms_usage events (the per-minute flusher ran
// throughout); server warnings and the server's memory are kept too.
// Results: bench/results/integrations.json and .md;
// `npx tsx bench/integrations/run.ts --report` rewrites the .md from the .json.
import { rmSync } from "node:fs";
import { benchMain } from "../support/bench-main";
import { measurePaths, serverWarnings, type PathPlan } from "../support/path-bench";
import { createDatabase, instanceEnv, serverCommandLine, setupOwner, snapshotBuild, startNode } from "../support/instance";
import { MACHINE, REPEATS, SECONDS } from "../support/repeats";
import { serverEnv } from "../../scripts/server-process.mjs";
import {
  CHECK_CALLS,
  decryptBody,
  DELIVERY_PATH,
  encryptBody,
  KMS_DECRYPT_PATH,
  KMS_ENCRYPT_PATH,
  KMS_STATUS_PATH,
  PLAINTEXT_BYTES,
  provision,
  RUNTIME_PATH,
  swarmRequestBody,
} from "./provision";
import { integrationsMarkdown } from "./report";
import { reconcile } from "./reconcile";

const PORT = 3340;
/** The app node's database pool size: more connections only queue inside the server. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_SECONDS = 3;
/** Measured again on one connection: latency without queueing, what the KMS v2 doc's per-request aims are about. */
const SINGLE: Measure[] = ["health", "runtime", "delivery", "encrypt", "decrypt"];
const SINGLE_SECONDS = Math.max(2, Math.round(SECONDS / 2));

export type Measure = "health" | "runtime" | "delivery" | "status" | "encrypt" | "decrypt";

async function main() {
  const root = snapshotBuild();
  const db = await createDatabase("integrations");
  const env = instanceEnv(PORT);
  const node = await startNode({ root, port: PORT, databaseUrl: db.url, env });
  let stopped = false;
  try {
    const owner = await setupOwner(node);
    const fx = await provision(node.base, owner);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    let n = 0;
    const plans: Record<Measure, PathPlan> = {
      health: { path: "/api/health" },
      runtime: { path: RUNTIME_PATH, headers: bearer(fx.serviceToken) },
      // n runs across repeats: every delivery is a new task id, as every Swarm task start is.
      delivery: { path: DELIVERY_PATH, method: "POST", headers: bearer(fx.swarmToken), body: () => swarmRequestBody(++n) },
      status: { path: KMS_STATUS_PATH, headers: bearer(fx.kmsToken) },
      encrypt: { path: KMS_ENCRYPT_PATH, method: "POST", headers: bearer(fx.kmsToken), body: encryptBody },
      decrypt: { path: KMS_DECRYPT_PATH, method: "POST", headers: bearer(fx.kmsToken), body: (i) => decryptBody(fx.sealed, i) },
    };
    // What the load generator sent on each path, checks and warm-up included, for the reconciliation.
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

    // SIGTERM writes the KMS counts still held (server.ts), so the trail is complete after it.
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
      plaintextBytes: PLAINTEXT_BYTES,
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

benchMain("integrations", main, integrationsMarkdown);
