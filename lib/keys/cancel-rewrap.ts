import "server-only";
// Stops the queued or running re-wrap job. What it already re-wrapped stays
// re-wrapped (every row is valid under either key); a later job continues
// with the rest.
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { Conflict } from "../errors";
import { cancelJob } from "../jobs/cancel-job";
import { activeJob } from "../jobs/find-job";
import type { JobDto } from "../jobs/job-dto";
import { authorize } from "../rbac/authorize";
import { REWRAP_JOB_KIND } from "./rewrap-job";

export async function cancelRewrap(actor: Actor): Promise<JobDto> {
  return audited(actor, "key.rewrap_cancel", async (tx) => {
    await authorize(tx, actor, "key:manage");
    const active = await activeJob(tx, REWRAP_JOB_KIND);
    if (!active) throw new Conflict("no re-wrap job is queued or running");
    // The job row first, the audit chain's lock second: the order a job
    // step takes them in, so the two cannot deadlock.
    const job = await cancelJob(tx, active.id);
    await recordAudit(tx, actor, {
      action: "key.rewrap_cancel",
      resource: { type: "job", id: job.id },
      details: { progress: job.progress, total: job.total },
    });
    return job;
  });
}
