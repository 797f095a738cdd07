// Looking jobs up by kind: the newest one (for status pages) and the one
// still queued or running (to refuse a second one).
import type { Tx } from "../db/client";
import { jobDtoSelect, toJobDto, type JobDto } from "./job-dto";
import { ACTIVE_JOB_STATES } from "./types";

export async function latestJob(tx: Tx, kind: string): Promise<JobDto | null> {
  const row = await tx.job.findFirst({ where: { kind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: jobDtoSelect });
  return row ? toJobDto(row) : null;
}

export async function activeJob(tx: Tx, kind: string): Promise<JobDto | null> {
  const row = await tx.job.findFirst({
    where: { kind, state: { in: ACTIVE_JOB_STATES } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: jobDtoSelect,
  });
  return row ? toJobDto(row) : null;
}
