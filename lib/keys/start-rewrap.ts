import "server-only";
// Queues the re-wrap of every data key not yet under the primary key (secret
// versions, then members' TOTP secrets); the
// job worker of any app node picks it up (lib/jobs/worker.ts).
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { LOCKS, lockUntilCommit } from "../db/locks";
import { Conflict } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { activeJob } from "../jobs/find-job";
import type { JobDto } from "../jobs/job-dto";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { processKeyring } from "./process-keyring";
import { REWRAP_JOB_KIND } from "./rewrap-job";

export async function startRewrap(actor: Actor): Promise<JobDto> {
  const { primary } = processKeyring().keyring;
  return audited(actor, "key.rewrap_start", async (tx) => {
    await authorize(tx, actor, "key:manage");
    const approval = await requireApproval(tx, actor, { action: "key.rewrap_start", namespace: null, target: {} });
    await lockUntilCommit(tx, LOCKS.rewrapStart);
    const running = await activeJob(tx, REWRAP_JOB_KIND);
    if (running) {
      throw new Conflict(`a re-wrap job is already ${running.state} (${running.progress} of ${running.total} done)`);
    }
    const total =
      (await tx.secretVersion.count({ where: { kekName: { not: primary } } })) +
      (await tx.mfaTotp.count({ where: { kekName: { not: primary } } }));
    const job = await enqueueJob(tx, { kind: REWRAP_JOB_KIND, total, payload: { primary }, createdById: actor.id });
    await recordAudit(tx, actor, {
      action: "key.rewrap_start",
      resource: { type: "job", id: job.id },
      details: { total, primary, ...(approval ? { approval } : {}) },
    });
    return job;
  });
}
