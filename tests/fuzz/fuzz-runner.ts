// The run: fast-check draws (operation, request) pairs and each is sent
// with a table snapshot before it. On the first failure of a kind not seen
// yet, fast-check shrinks it to a minimal request (within a budget, since
// every attempt is a real request); the run then goes on with the next
// seed, counting that kind as known, until the run count is spent. So one
// run reports every distinct failure, each with its smallest request.
import fc from "fast-check";
import { db } from "@/lib/db/client";
import { checkDelivery, type BoundCheck } from "./delivery-check";
import { checkResponse, leakForms, type Violation } from "./fuzz-checks";
import { fixtureProblems, repairFixtures, type Fixtures } from "./fuzz-fixtures";
import type { Pools } from "./fuzz-pools";
import type { FuzzReport } from "./fuzz-report";
import type { FuzzRequest, Operation } from "./operations";
import { resolveRequest, sendRequest, type Sent } from "./send-request";
import { changedTables, snapshot, type Snapshot, type SnapshotPlan } from "./table-snapshot";
import { checkVault } from "./vault-checks";

export type RunOptions = {
  operations: Operation[];
  fixtures: Fixtures;
  pools: Pools;
  plan: SnapshotPlan;
  report: FuzzReport;
  shrinkBudget?: number;
  topUpEvery?: number;
};

export async function runFuzz(options: RunOptions): Promise<void> {
  const { operations, report } = options;
  const draw = fc.oneof(
    ...operations.map((op) => ({
      weight: Math.max(1, Math.round(op.weight * 4)),
      arbitrary: op.request.map((request) => ({ op, request })),
    })),
  );
  const known = new Set<string>();
  let seed = report.seed;
  for (let attempt = 0; report.runs < report.target && attempt < 100; attempt++) {
    const state: State = { current: undefined, shrinkCalls: 0, last: undefined };
    const result = await fc.check(
      fc.asyncProperty(draw, async ({ op, request }) => exercise(options, known, state, op, request)),
      { seed, numRuns: report.target - report.runs },
    );
    if (!result.failed) break;
    if (state.current) {
      if (state.last) report.record(state.last.violation, state.last.sent, true);
      known.add(state.current);
    } else if (result.errorInstance) {
      throw result.errorInstance; // the fuzz harness itself broke
    }
    seed = (seed * 48271 + 1) % 2 ** 31;
  }
}

/** Is `service` of the integrations' namespace (`default`) bound to the live secret `secret`? */
const boundInDefault: BoundCheck = async (service, secret) =>
  (await db.secretBinding.count({
    where: {
      service: { name: service, namespace: { name: "default" } },
      secret: { name: secret, deletedAt: null, namespace: { name: "default" } },
    },
  })) > 0;

type State = {
  current: string | undefined;
  shrinkCalls: number;
  last: { violation: Violation; sent: Sent } | undefined;
  before?: Snapshot;
};

async function exercise(options: RunOptions, known: Set<string>, state: State, op: Operation, request: FuzzRequest): Promise<boolean> {
  const { fixtures, pools, plan, report } = options;
  const shrinking = state.current !== undefined;
  if (shrinking && ++state.shrinkCalls > (options.shrinkBudget ?? 60)) return true;
  let t = performance.now();
  if (!shrinking && report.runs > 0 && report.runs % (options.topUpEvery ?? 100) === 0) {
    await pools.topUp();
    state.before = undefined;
  }
  t = report.time("topUp", t);

  const requestId = `fuzz-${report.sent + 1}`;
  // revoke-self ends the token it is sent with: a spare one, so the callers' own last the run.
  const spare = op.path.endsWith("/revoke-self") ? (caller: FuzzRequest["caller"]) => pools.spareToken(caller) : undefined;
  const resolved = resolveRequest(op, request, fixtures, (kind, index) => pools.lookup(kind, index, op.method, op.path), requestId, spare);
  // The snapshot after one request is the one before the next: one query per request.
  const before = state.before ?? (await snapshot(plan));
  t = report.time("snapshot", t);
  const sent = await sendRequest(op, resolved);
  t = report.time(op.key, t);
  report.count(op.key, sent, shrinking, request.caller);
  const after = await snapshot(plan);
  state.before = after;
  const changed = sent.status >= 400 || sent.failure ? changedTables(before, after) : [];
  const violations = checkResponse(op, request, sent, leakForms(fixtures), changed);
  violations.push(...(await checkDelivery(op, request, sent, fixtures, boundInDefault)));
  violations.push(...(await checkVault(op, request, sent, fixtures, boundInDefault)));
  t = report.time("snapshot", t);

  if (op.method !== "GET" && sent.status >= 200 && sent.status < 300) {
    const problems = await fixtureProblems(fixtures);
    if (problems.length) {
      report.notes.push(`${op.key} (${sent.status}) ended a fixture: ${problems.join(", ")}; repaired`);
      await repairFixtures(fixtures);
      state.before = undefined;
    }
  }
  report.time("fixtures", t);
  if (!violations.length) return true;
  for (const violation of violations) if (!known.has(violation.signature)) report.record(violation, sent);
  const fresh = violations.filter((v) => !known.has(v.signature));
  if (!fresh.length) return true;
  if (!shrinking) {
    state.current = fresh[0]!.signature;
    state.last = { violation: fresh[0]!, sent };
    return false;
  }
  // While shrinking only the fault being shrunk counts as a failure; a new
  // one met on the way is recorded above and shrunk on a later pass.
  const same = fresh.find((v) => v.signature === state.current);
  if (!same) return true;
  state.last = { violation: same, sent };
  return false;
}
