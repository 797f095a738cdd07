// Runs a claimed job step by step until it is done, cancelled, taken over
// or failed. A failure is stored on the job with a message safe to show.
import { setTimeout as sleep } from "node:timers/promises";
import { databaseKind, db } from "../db/client";
import { log } from "../log/logger";
import { jobErrorMessage } from "./job-error-message";
import { lockOwnedJob, markJobFailed } from "./job-lease";
import { runJobStep } from "./run-job-step";
import type { JobHandler, RunningJob } from "./types";

export type JobOutcome = "finished" | "stopped" | "failed";

/**
 * `signal` is the process shutting down: the job stops between steps, and
 * an error after it (the database connection closing under a step) is no
 * failure. Either way the job stays "running" until its heartbeat goes
 * stale, and the next start, or another node, resumes it.
 */
export async function runJob(job: RunningJob, handler: JobHandler, signal?: AbortSignal): Promise<JobOutcome> {
  try {
    for (;;) {
      if (signal?.aborted) return "stopped";
      const began = performance.now();
      const outcome = await runJobStep(job, handler);
      if (outcome !== "more") return outcome;
      await yieldToRequests(performance.now() - began);
    }
  } catch (error) {
    if (signal?.aborted) {
      log.warn({ jobId: job.id, kind: job.kind }, "job interrupted by shutdown; it resumes after a restart");
      return "stopped";
    }
    log.error({ err: error, jobId: job.id, kind: job.kind }, "job failed");
    await failJob(job, handler, jobErrorMessage(error));
    return "failed";
  }
}

// If this throws too (the database is gone), the job stays "running" and
// its heartbeat goes stale, so another claim resumes it later.
async function failJob(job: RunningJob, handler: JobHandler, message: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockOwnedJob(tx, job);
    if (!current) return;
    await markJobFailed(tx, current, message);
    await handler.onFailed?.(tx, current, message);
  });
}

// PGlite is a single connection shared with the web requests: steps run
// back to back would make every request wait for the whole job (measured:
// a status poll took as long as a 3,000-version re-wrap). Pausing as long
// as the last step took leaves requests half of the database meanwhile.
const MAX_PAUSE_MS = 500;

async function yieldToRequests(stepMs: number): Promise<void> {
  if (databaseKind() === "pglite") await sleep(Math.min(stepMs, MAX_PAUSE_MS));
}
