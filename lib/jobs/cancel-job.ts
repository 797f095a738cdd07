// Marks a queued or running job cancelled. A running job's worker sees it
// before its next step: each step locks the job row first (run-job-step.ts),
// so this update waits for a step in progress and never cuts one in half.
import type { Tx } from "../db/client";
import { Conflict } from "../errors";
import { jobDtoSelect, toJobDto, type JobDto } from "./job-dto";
import { ACTIVE_JOB_STATES } from "./types";

export async function cancelJob(tx: Tx, jobId: string): Promise<JobDto> {
  const { count } = await tx.job.updateMany({
    where: { id: jobId, state: { in: ACTIVE_JOB_STATES } },
    data: { state: "cancelled", finishedAt: new Date(), lockedBy: null },
  });
  if (count === 0) throw new Conflict("the job finished before it could be cancelled");
  return toJobDto(await tx.job.findUniqueOrThrow({ where: { id: jobId }, select: jobDtoSelect }));
}
