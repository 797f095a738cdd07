import { ShieldAlert, ShieldCheck } from "lucide-react";
import { AutoRefresh } from "@/components/keys/auto-refresh";
import { percentDone } from "@/components/keys/rewrap-progress";
import { RelativeTime } from "@/components/ui/relative-time";
import type { latestAuditVerify } from "@/lib/audit/verify-job";
import { VerifyButton } from "./verify-button";

type Verification = NonNullable<Awaited<ReturnType<typeof latestAuditVerify>>>;

function Result({ job }: { job: Verification }) {
  const report = job.report;
  if (job.state === "failed") {
    return (
      <p role="alert" data-testid="verify-result" className="flex items-center gap-2 text-sm font-semibold text-red-700 dark:text-red-400">
        <ShieldAlert aria-hidden className="size-4 shrink-0" />
        Verification could not finish{job.error ? `: ${job.error}` : "."}
      </p>
    );
  }
  if (job.state === "cancelled") return <p data-testid="verify-result" className="text-sm text-amber-700 dark:text-amber-300">Verification was cancelled.</p>;
  if (!report) return null;
  if (report.ok) {
    return (
      <p role="status" data-testid="verify-result" className="flex items-center gap-2 text-sm font-semibold text-emerald-700 dark:text-emerald-400">
        <ShieldCheck aria-hidden className="size-4 shrink-0" />
        Chain intact: {report.count} {report.count === 1 ? "event" : "events"} verified
      </p>
    );
  }
  return (
    <p role="alert" data-testid="verify-result" className="flex items-center gap-2 text-sm font-semibold text-red-700 dark:text-red-400">
      <ShieldAlert aria-hidden className="size-4 shrink-0" />
      Chain broken at event #{report.badSeq}: {report.reason}
    </p>
  );
}

function Progress({ job }: { job: Verification }) {
  const percent = percentDone(job);
  return (
    <div className="space-y-1.5" data-testid="verify-progress">
      <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-300">
        <span className="font-semibold">{job.state === "queued" ? "Queued" : "Verifying"}</span>
        <span className="tabular-nums">
          {job.progress} of {job.total} events · {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Chain verification progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** "Verify chain": the latest run (progress while it runs, then its verdict) and the button. */
export function VerifyPanel({ job }: { job: Verification | null }) {
  const active = job !== null && (job.state === "queued" || job.state === "running");
  return (
    <section aria-labelledby="verify-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <h2 id="verify-heading" className="text-base font-semibold">
              Tamper check
            </h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Each event stores the SHA-256 of the one before it. Verifying recomputes every hash and names the first event that does not fit.
            </p>
          </div>
          {active ? <Progress job={job} /> : null}
          {job && !active ? (
            <div className="space-y-0.5">
              <Result job={job} />
              {job.finishedAt ? (
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  Checked <RelativeTime iso={job.finishedAt} />
                </p>
              ) : null}
            </div>
          ) : null}
          {!job ? <p className="text-sm text-zinc-500 dark:text-zinc-400">The chain has not been verified from the console yet.</p> : null}
        </div>
        <VerifyButton active={active} />
      </div>
      {active ? <AutoRefresh /> : null}
    </section>
  );
}
