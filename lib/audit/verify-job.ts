// "Verify chain" from the console: a background job that walks the chain a
// batch per step, keeping its place in the job's payload, with progress for
// the progress bar and the report stored on the job when it ends.
// No `server-only`: the job worker runs from instrumentation.ts.
import type { Actor } from "../auth/actor";
import { systemActor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Conflict } from "../http/errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { toJobDto, type JobDto } from "../jobs/job-dto";
import type { JobHandler, RunningJob, StepResult } from "../jobs/types";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import { recordAudit } from "./record-audit";
import { chainStart, verifyNextBatch, type ChainReport } from "./verify-audit-chain";

export const VERIFY_JOB_KIND = "audit-verify";

type VerifyPayload = { expectedSeq?: string; prevHash?: string; count?: number; report?: ChainReport };

export async function startAuditVerify(actor: Actor): Promise<JobDto> {
  return audited(actor, "audit.verify", async (tx) => {
    await authorize(tx, actor, "audit:read");
    // Two clicks at once must not start two walks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${VERIFY_JOB_KIND}))`;
    const active = await tx.job.findFirst({ where: { kind: VERIFY_JOB_KIND, state: { in: ["queued", "running"] } } });
    if (active) throw new Conflict("a chain verification is already running");
    const total = await tx.auditEvent.count();
    const job = await enqueueJob(tx, { kind: VERIFY_JOB_KIND, total, createdById: actor.id });
    await recordAudit(tx, actor, { action: "audit.verify", resource: { type: "job", id: job.id }, details: { events: total } });
    return job;
  });
}

async function step(tx: Tx, job: RunningJob): Promise<StepResult> {
  // The payload holds our place and changes every step: read it fresh (the
  // job object carries the payload as it was when the job was claimed).
  const { payload: stored } = await tx.job.findUniqueOrThrow({ where: { id: job.id }, select: { payload: true } });
  const payload = (stored ?? {}) as VerifyPayload;
  let cursor;
  if (payload.expectedSeq) {
    cursor = { expectedSeq: BigInt(payload.expectedSeq), prevHash: payload.prevHash!, count: payload.count ?? 0 };
  } else {
    const start = await chainStart(tx);
    if ("bad" in start) return finish(tx, job, start.bad, 0);
    cursor = start;
  }
  const next = await verifyNextBatch(tx, cursor);
  if (next === null) return finish(tx, job, { ok: true, count: cursor.count, lastSeq: cursor.count ? (cursor.expectedSeq - 1n).toString() : null }, 0);
  if ("ok" in next) return finish(tx, job, next, next.count - cursor.count);
  await tx.job.update({ where: { id: job.id }, data: { payload: { expectedSeq: next.expectedSeq.toString(), prevHash: next.prevHash, count: next.count } } });
  return { done: next.count - cursor.count, finished: false };
}

async function finish(tx: Tx, job: RunningJob, report: ChainReport, done: number): Promise<StepResult> {
  await tx.job.update({ where: { id: job.id }, data: { payload: { report } } });
  return { done, finished: true };
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
      details: report ? { ...report } : {},
    });
  },
};

export async function latestAuditVerify(actor: Actor): Promise<(JobDto & { report: ChainReport | null }) | null> {
  return audited(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    const row = await tx.job.findFirst({ where: { kind: VERIFY_JOB_KIND }, orderBy: { createdAt: "desc" } });
    if (!row) return null;
    return { ...toJobDto(row), report: (row.payload as VerifyPayload).report ?? null };
  });
}
