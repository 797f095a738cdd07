import type { JobDto } from "@/lib/jobs/job-dto";
import { Alert } from "@/components/ui/alert";
import { exactTime } from "@/components/ui/exact-time";
import { percentDone, ProgressBar } from "@/components/ui/progress-bar";

const stateLabels: Record<JobDto["state"], { label: string; className: string }> = {
  queued: { label: "Queued", className: "text-zinc-600 dark:text-zinc-300" },
  running: { label: "Running", className: "text-indigo-700 dark:text-indigo-300" },
  done: { label: "Done", className: "text-emerald-700 dark:text-emerald-300" },
  failed: { label: "Failed", className: "text-red-700 dark:text-red-300" },
  cancelled: { label: "Cancelled", className: "text-amber-700 dark:text-amber-300" },
};

function Time({ label, iso }: { label: string; iso: string | null }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5">{iso ? <time dateTime={iso}>{exactTime(iso)}</time> : "—"}</dd>
    </div>
  );
}

export function RewrapProgress({ job }: { job: JobDto }) {
  const percent = percentDone(job);
  const state = stateLabels[job.state] ?? stateLabels.queued;
  return (
    <div className="space-y-3" data-testid="rewrap-job">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <span className={`font-semibold ${state.className}`} data-testid="rewrap-state">
          {state.label}
        </span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-300" data-testid="rewrap-progress">
          {job.progress} of {job.total} versions · {percent}%
        </span>
      </div>
      <ProgressBar label="Re-wrap progress" percent={percent} />
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <Time label="Queued" iso={job.createdAt} />
        <Time label="Started" iso={job.startedAt} />
        <Time label="Finished" iso={job.finishedAt} />
      </dl>
      {job.state === "failed" && job.error ? <Alert>Re-wrap failed: {job.error}</Alert> : null}
    </div>
  );
}
