// Claims one job this process knows how to run and runs it to its end.
import { log } from "../log/logger";
import { claimJob } from "./claim-job";
import { jobHandler, jobKinds } from "./handlers";
import { runJob, type JobOutcome } from "./run-job";

/** The outcome, or null when no job was waiting. */
export async function runNextJob(workerId: string, signal?: AbortSignal): Promise<JobOutcome | null> {
  const job = await claimJob(workerId, jobKinds());
  if (!job) return null;
  const handler = jobHandler(job.kind);
  // Claimed kinds all have handlers; a registry changed in between is a bug.
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  // debug: the recurring jobs (purge, expiry, rotation) run from the first
  // minute on and would bury the start's lines; the job API and the audit
  // trail tell what ran, and failures log at error (runJob).
  log.debug({ jobId: job.id, kind: job.kind, progress: job.progress, total: job.total, workerId }, "job claimed");
  const outcome = await runJob(job, handler, signal);
  log.debug({ jobId: job.id, kind: job.kind, outcome, workerId }, "job ended");
  return outcome;
}
