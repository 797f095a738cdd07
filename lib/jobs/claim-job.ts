// Claims the oldest job this process can run. `FOR UPDATE SKIP LOCKED`
// lets any number of app nodes poll the same table without two of them
// taking the same job. A running job whose heartbeat is older than
// STALE_AFTER_SECONDS lost its worker (crash, restart, network split) and
// is claimed again: that is how a job resumes. A job in the middle of a
// step holds its row lock, so it is skipped however old its heartbeat.
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { RunningJob } from "./types";

export const STALE_AFTER_SECONDS = 30;

// The database's clock, never this process's: app nodes' clocks may differ.
const staleBefore = Prisma.raw(`now() - interval '${STALE_AFTER_SECONDS} seconds'`);

export async function claimJob(workerId: string, kinds: string[]): Promise<RunningJob | null> {
  if (kinds.length === 0) return null;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Job"
      WHERE "kind" IN (${Prisma.join(kinds)})
        AND ("state" = 'queued'
             OR ("state" = 'running' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < ${staleBefore})))
      ORDER BY "createdAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return null;
    await tx.$executeRaw`
      UPDATE "Job"
      SET "state" = 'running', "lockedBy" = ${workerId}, "heartbeatAt" = now(),
          "startedAt" = COALESCE("startedAt", now())
      WHERE "id" = ${id}`;
    const job = await tx.job.findUniqueOrThrow({
      where: { id },
      select: { id: true, kind: true, payload: true, progress: true, total: true, createdById: true },
    });
    return { ...job, workerId };
  });
}
