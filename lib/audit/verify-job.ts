// "Verify log" from the console: a background job that walks the tree a
// few chunks per step (lib/audit/log/verify-log.ts), keeping the plan and
// the walk's place (next leaf, frontier, counts) in the job's payload, with
// progress in leaves and the LogReport stored on the job when it ends.
// No `server-only`: the job worker runs from instrumentation.ts.
import type { Actor } from "../auth/actor";
import { systemActor } from "../auth/actor";
import type { Tx } from "../db/client";
import { LOCKS, lockUntilCommit } from "../db/locks";
import type { Prisma } from "../generated/prisma/client";
import { Conflict } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { toJobDto, type JobDto } from "../jobs/job-dto";
import type { JobHandler, RunningJob, StepResult } from "../jobs/types";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import type { LogReport } from "../../packages/contracts/src/audit/log-report";
import { signingKey } from "./log/signing-key";
import { CHUNK } from "./log/verify-chunk";
import { beginLogWalk, fileCopies, walkInline } from "./log/verify-log";
import { thinTargets, type VerifyPlan } from "./log/verify-plan";
import { leafReaderFor, readLogState } from "./log/verify-rows";
import { LogWalk, type WalkState } from "./log/verify-walk";
import { recordAudit } from "./record-audit";

export const VERIFY_JOB_KIND = "audit-verify";
/**
 * Chunks per step (a few tenths of a second, so progress moves and a crash
 * loses little) and leaves per chunk; a test walks many small steps.
 */
export const VERIFY_JOB_STEP = { chunks: 8, chunk: CHUNK };
/** Checkpoints from the file kept in the payload, besides the signed ones. */
const MAX_TARGETS = 2_000;

/** What a verification job stored before the transparency log (its hash-chain walk). */
export type LegacyChainReport =
  { ok: true; count: number; lastSeq: string | null } | { ok: false; count: number; badSeq: string; reason: string };

type VerifyPayload = { plan?: VerifyPlan; walk?: WalkState; chunk?: number; report?: LogReport };

async function treeSize(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<{ size: bigint }[]>`SELECT COALESCE(max("leafIndex") + 1, 0)::bigint AS "size" FROM "AuditLeaf"`;
  return Number(row?.size ?? 0n);
}

export async function startAuditVerify(actor: Actor): Promise<JobDto> {
  return audited(actor, "audit.verify", async (tx) => {
    await authorize(tx, actor, "audit:read");
    // Two clicks at once must not start two walks.
    await lockUntilCommit(tx, LOCKS.auditVerify);
    const active = await tx.job.findFirst({ where: { kind: VERIFY_JOB_KIND, state: { in: ["queued", "running"] } } });
    if (active) throw new Conflict("a log verification is already running");
    const leaves = await treeSize(tx);
    const job = await enqueueJob(tx, { kind: VERIFY_JOB_KIND, total: leaves, createdById: actor.id });
    await recordAudit(tx, actor, { action: "audit.verify", resource: { type: "job", id: job.id }, details: { leaves } });
    return job;
  });
}

async function save(tx: Tx, job: RunningJob, payload: VerifyPayload, total?: number): Promise<void> {
  await tx.job.update({
    where: { id: job.id },
    data: { payload: payload as Prisma.InputJsonObject, ...(total === undefined ? {} : { total }) },
  });
}

/** The first step: signatures and sizes, and the plan the later steps walk by. */
async function begin(tx: Tx, job: RunningJob): Promise<StepResult> {
  const chunk = VERIFY_JOB_STEP.chunk;
  const walk = await beginLogWalk(fileCopies(), { state: await readLogState(tx), chunk });
  if (!(walk instanceof LogWalk)) {
    await save(tx, job, { report: walk });
    return { done: 0, finished: true };
  }
  const plan = { ...walk.plan, targets: thinTargets(walk.plan.targets, MAX_TARGETS) };
  await save(tx, job, { plan, walk: walk.state(), chunk }, plan.treeSize);
  return { done: 0, finished: false };
}

async function step(tx: Tx, job: RunningJob): Promise<StepResult> {
  // The payload holds our place and changes every step: read it fresh (the
  // job object carries the payload as it was when the job was claimed).
  const { payload: stored } = await tx.job.findUniqueOrThrow({ where: { id: job.id }, select: { payload: true } });
  const payload = (stored ?? {}) as VerifyPayload;
  if (!payload.plan || !payload.walk) return begin(tx, job);
  const walk = new LogWalk(payload.plan, signingKey().publicKeyPem, { state: payload.walk, chunk: payload.chunk });
  const before = walk.checkedLeaves;
  await walkInline(walk, leafReaderFor(tx), { maxLeaves: VERIFY_JOB_STEP.chunks * walk.chunk });
  const done = walk.checkedLeaves - before;
  if (walk.finished) {
    await save(tx, job, { report: walk.report() });
    return { done, finished: true };
  }
  // Targets already met are not needed again: the payload shrinks as the walk goes.
  const state = walk.state();
  const plan = { ...payload.plan, targets: payload.plan.targets.slice(state.target) };
  await save(tx, job, { plan, walk: { ...state, target: 0 }, chunk: payload.chunk });
  return { done, finished: false };
}

export const verifyJobHandler: JobHandler = {
  step,
  async onDone(tx, job) {
    const row = await tx.job.findUniqueOrThrow({ where: { id: job.id }, select: { payload: true } });
    const report = (row.payload as VerifyPayload).report;
    await recordAudit(tx, systemActor(), {
      action: "audit.verified",
      outcome: report?.ok ? "success" : "error",
      resource: { type: "job", id: job.id },
      details: report
        ? {
            ok: report.ok,
            checked: report.checked,
            archived: report.archived,
            unsealed: report.unsealed,
            size: report.head?.size ?? 0,
            problem: report.problem,
          }
        : {},
    });
  },
};

export async function latestAuditVerify(actor: Actor): Promise<(JobDto & { report: LogReport | LegacyChainReport | null }) | null> {
  return audited(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    const row = await tx.job.findFirst({ where: { kind: VERIFY_JOB_KIND }, orderBy: { createdAt: "desc" } });
    if (!row) return null;
    return { ...toJobDto(row), report: (row.payload as { report?: LogReport | LegacyChainReport } | null)?.report ?? null };
  });
}
