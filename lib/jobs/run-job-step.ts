// One step of a claimed job, in one transaction with its progress update
// and heartbeat: a crash rolls back at most this step.
import { db } from "../db/client";
import { finishJob, lockOwnedJob, recordProgress } from "./job-lease";
import type { JobHandler, RunningJob } from "./types";

/** "more": call again; "finished": the job is done; "stopped": cancelled or taken over. */
export type StepOutcome = "more" | "finished" | "stopped";

export async function runJobStep(job: RunningJob, handler: JobHandler): Promise<StepOutcome> {
  return db.$transaction(async (tx) => {
    // Checked under the row lock, so a cancellation lands between steps.
    const current = await lockOwnedJob(tx, job);
    if (!current) return "stopped";
    const { done, finished } = await handler.step(tx, current);
    const progressed = await recordProgress(tx, current, done);
    if (!finished) return "more";
    await finishJob(tx, progressed);
    await handler.onDone?.(tx, progressed);
    return "finished";
  });
}
