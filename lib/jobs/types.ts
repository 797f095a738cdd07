// The shapes shared by the job queue, its worker and the handlers of each
// kind of job (lib/jobs/handlers.ts).
import type { Tx } from "../db/client";

export type JobState = "queued" | "running" | "done" | "failed" | "cancelled";

/** Queued or running: the states in which a job still has work to do. */
export const ACTIVE_JOB_STATES: JobState[] = ["queued", "running"];

/** A job this process has claimed: `workerId` is the lease it holds. */
export type RunningJob = {
  id: string;
  kind: string;
  payload: unknown;
  progress: number;
  total: number;
  createdById: string | null;
  workerId: string;
};

export type StepResult = {
  /** Items this step completed; added to the job's progress. */
  done: number;
  /** True when no work is left. */
  finished: boolean;
};

/**
 * What a kind of job does. The worker runs `step` repeatedly, each time in
 * its own transaction together with the progress update and heartbeat, so
 * a crash loses at most one step and a resumed job continues with what is
 * left: a step must therefore find its remaining work in the database, not
 * in memory.
 */
export type JobHandler = {
  step(tx: Tx, job: RunningJob): Promise<StepResult>;
  /** In the transaction that marks the job done, e.g. to record its audit event. */
  onDone?(tx: Tx, job: RunningJob): Promise<void>;
  /** In the transaction that marks the job failed; `message` is safe to store and show. */
  onFailed?(tx: Tx, job: RunningJob, message: string): Promise<void>;
};
