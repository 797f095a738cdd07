import type { JobDto } from "@/lib/jobs/job-dto";

/** Whole percent; a job with nothing to do is complete once done. */
export function percentDone(job: Pick<JobDto, "progress" | "total" | "state">): number {
  if (job.total <= 0) return job.state === "done" ? 100 : 0;
  return Math.min(100, Math.floor((job.progress / job.total) * 100));
}

/** A long job's progress, 0 to 100, with the name a screen reader announces. */
export function ProgressBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${percent}%` }} />
    </div>
  );
}
