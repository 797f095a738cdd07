// Jobs that run on a schedule rather than on request: the purge of secrets
// past their recovery window and, with COFFER_AUDIT_RETENTION_DAYS set, the
// audit archive. Every node's worker calls this on each poll; the advisory
// lock and the "none active, none recent" check make one node enqueue.
import { ARCHIVE_JOB_KIND } from "../audit/archive-job";
import { config } from "../config/env";
import { db } from "../db/client";
import { PURGE_JOB_KIND } from "../secrets/purge-expired-secrets";
import { enqueueJob } from "./enqueue-job";

const HOUR = 3_600_000;

function schedule(): { kind: string; everyMs: number }[] {
  const recurring = [{ kind: PURGE_JOB_KIND, everyMs: HOUR }];
  if (config().COFFER_AUDIT_RETENTION_DAYS) recurring.push({ kind: ARCHIVE_JOB_KIND, everyMs: 24 * HOUR });
  return recurring;
}

export async function enqueueDueJobs(now = new Date()): Promise<string[]> {
  const enqueued: string[] = [];
  for (const { kind, everyMs } of schedule()) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`coffer-schedule:${kind}`}))`;
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
