// Adds a job to the queue inside the caller's transaction, so the job
// exists exactly when the action that asked for it commits.
import type { Tx } from "../db/client";
import { newId } from "../db/ids";
import type { Prisma } from "../generated/prisma/client";
import { jobDtoSelect, toJobDto, type JobDto } from "./job-dto";

export type EnqueueJobInput = {
  kind: string;
  /** Items to process, for the progress bar; 0 when unknown. */
  total?: number;
  payload?: Prisma.InputJsonObject;
  createdById?: string | null;
};

export async function enqueueJob(tx: Tx, input: EnqueueJobInput): Promise<JobDto> {
  const row = await tx.job.create({
    data: {
      id: newId("job"),
      kind: input.kind,
      state: "queued",
      total: input.total ?? 0,
      payload: input.payload ?? {},
      createdById: input.createdById ?? null,
    },
    select: jobDtoSelect,
  });
  return toJobDto(row);
}
