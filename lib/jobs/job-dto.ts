// The public face of a job, for the console and the API: no payload, no
// lease details.
import type { JobState } from "./types";

export type JobDto = {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  total: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const jobDtoSelect = {
  id: true,
  kind: true,
  state: true,
  progress: true,
  total: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

type JobRow = {
  id: string;
  kind: string;
  state: string;
  progress: number;
  total: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function toJobDto(row: JobRow): JobDto {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as JobState,
    progress: row.progress,
    total: row.total,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
