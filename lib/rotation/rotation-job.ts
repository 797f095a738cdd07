// The recurring rotation job: lib/jobs/recurring-jobs.ts queues it when a
// policy is due; each step claims and rotates one policy in the step's own
// transaction (run-rotation.ts explains the claim). PGlite has one
// connection, so a step must not open a second transaction.
// No `server-only`: the job worker runs from instrumentation.ts.
import { db } from "../db/client";
import type { JobHandler, StepResult } from "../jobs/types";
import { rotateNextDue } from "./run-rotation";

export const ROTATION_JOB_KIND = "secret-rotation";

/** Any live secret's policy due: checked before the job is queued, so a quiet instance queues none. */
export async function rotationsDue(now: Date): Promise<boolean> {
  const due = await db.rotationPolicy.findFirst({
    where: { nextRunAt: { lte: now }, secret: { deletedAt: null } },
    select: { secretId: true },
  });
  return !!due;
}

export const rotationJobHandler: JobHandler = {
  async step(tx): Promise<StepResult> {
    const outcome = await rotateNextDue(tx, new Date());
    return { done: outcome ? 1 : 0, finished: !outcome };
  },
};
