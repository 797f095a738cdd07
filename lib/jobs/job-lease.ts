// The statements a worker runs on the job it holds. Each one names the
// worker's lease (`lockedBy`), so a worker that lost its job (cancelled,
// or claimed by another node after a stale heartbeat) changes nothing.
import type { Tx } from "../db/client";
import type { RunningJob } from "./types";

/**
 * Locks the job's row until the transaction ends and returns it with its
 * current progress, or null when it is no longer running under this lease.
 */
export async function lockOwnedJob(tx: Tx, job: RunningJob): Promise<RunningJob | null> {
  const rows = await tx.$queryRaw<{ progress: number; total: number }[]>`
    SELECT "progress", "total" FROM "Job"
    WHERE "id" = ${job.id} AND "state" = 'running' AND "lockedBy" = ${job.workerId}
    FOR UPDATE`;
  const row = rows[0];
  return row ? { ...job, progress: Number(row.progress), total: Number(row.total) } : null;
}

/** Adds to the progress and renews the heartbeat. */
export async function recordProgress(tx: Tx, job: RunningJob, done: number): Promise<RunningJob> {
  await tx.$executeRaw`
    UPDATE "Job" SET "progress" = "progress" + ${done}::int, "heartbeatAt" = now()
    WHERE "id" = ${job.id} AND "lockedBy" = ${job.workerId}`;
  return { ...job, progress: job.progress + done };
}

export async function finishJob(tx: Tx, job: RunningJob): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Job" SET "state" = 'done', "finishedAt" = now(), "heartbeatAt" = now(), "lockedBy" = NULL
    WHERE "id" = ${job.id} AND "lockedBy" = ${job.workerId}`;
}

/** `message` is stored and shown as is: it must be safe (see job-error-message.ts). */
export async function markJobFailed(tx: Tx, job: RunningJob, message: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Job" SET "state" = 'failed', "error" = ${message}, "finishedAt" = now(), "lockedBy" = NULL
    WHERE "id" = ${job.id} AND "lockedBy" = ${job.workerId}`;
}
