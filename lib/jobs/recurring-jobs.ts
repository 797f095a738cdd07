// Jobs that run on a schedule rather than on request: the purge of secrets
// past their recovery window, the summary of rejected tokens once their
// counting window ends and, with COFFER_AUDIT_RETENTION_DAYS set, the
// audit archive. Every node's worker calls this on each poll; the advisory
// lock and the "none active, none recent" check make one node enqueue.
import { ARCHIVE_JOB_KIND } from "../audit/archive-job";
import { credentialRejectionsDue } from "../audit/credential-rejections";
import { REJECTION_FLUSH_JOB_KIND } from "../audit/credential-rejections-job";
import { config } from "../config/env";
import { db } from "../db/client";
import { LOCKS, lockUntilCommit } from "../db/locks";
import { EXPIRY_WARNING_JOB_KIND, expiringSecretsDue } from "../rotation/expiry-warning-job";
import { ROTATION_JOB_KIND, rotationsDue } from "../rotation/rotation-job";
import { PURGE_JOB_KIND } from "../secrets/purge-expired-secrets";
import { DAY_MS, HOUR_MS } from "../time";
import { enqueueJob } from "./enqueue-job";

type Recurring = {
  kind: string;
  everyMs: number;
  /** Checked first, for a job that only has work now and then. */
  due?: (now: Date) => Promise<boolean>;
};

function schedule(): Recurring[] {
  const recurring: Recurring[] = [
    { kind: PURGE_JOB_KIND, everyMs: HOUR_MS },
    // Summaries follow a window's end within one schedule interval (a minute).
    { kind: REJECTION_FLUSH_JOB_KIND, everyMs: 0, due: credentialRejectionsDue },
    // Rotation policies (issue 18): queued whenever one is due; the claim inside keeps each due time to one run.
    { kind: ROTATION_JOB_KIND, everyMs: 0, due: rotationsDue },
    { kind: EXPIRY_WARNING_JOB_KIND, everyMs: DAY_MS, due: expiringSecretsDue },
  ];
  if (config().COFFER_AUDIT_RETENTION_DAYS) recurring.push({ kind: ARCHIVE_JOB_KIND, everyMs: DAY_MS });
  return recurring;
}

export async function enqueueDueJobs(now = new Date()): Promise<string[]> {
  const enqueued: string[] = [];
  for (const { kind, everyMs, due } of schedule()) {
    if (due && !(await due(now))) continue;
    await db.$transaction(async (tx) => {
      await lockUntilCommit(tx, LOCKS.schedule(kind));
      const recent = await tx.job.findFirst({
        where: { kind, OR: [{ state: { in: ["queued", "running"] } }, { createdAt: { gt: new Date(now.getTime() - everyMs) } }] },
        select: { id: true },
      });
      if (recent) return;
      await enqueueJob(tx, { kind });
      enqueued.push(kind);
    });
  }
  return enqueued;
}
