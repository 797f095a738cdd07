import { ShieldAlert } from "lucide-react";
import { AutoRefresh } from "@/features/keys/components/auto-refresh";
import { percentDone, ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CheckpointDto, PublicKeyDto } from "@/lib/audit/log/proofs";
import type { LogReport } from "@/packages/contracts/src/audit/log-report";
import type { JobDto } from "@/lib/jobs/job-dto";
import { PublicKey, TreeHead } from "./tree-head";
import { VerifyButton } from "./verify-button";
import type { LegacyChainReport } from "@/lib/audit/verify-job";
import { LegacyChainResult, VerifyResult } from "./verify-result";

/** A job's report: a LogReport, or the chain walk's of a job that ran before the transparency log. */
export type Verification = JobDto & { report: LogReport | LegacyChainReport | null };

function Outcome({ job }: { job: Verification }) {
  if (job.state === "failed") {
    return (
      <p role="alert" data-testid="verify-result" className="flex items-center gap-2 text-sm font-semibold text-red-700 dark:text-red-400">
        <ShieldAlert aria-hidden className="size-4 shrink-0" />
        Verification could not finish{job.error ? `: ${job.error}` : "."}
      </p>
    );
  }
  if (job.state === "cancelled")
    return (
      <p data-testid="verify-result" className="text-sm text-amber-700 dark:text-amber-300">
        Verification was cancelled.
      </p>
    );
  if (!job.report) return null;
  return "head" in job.report ? <VerifyResult report={job.report} /> : <LegacyChainResult report={job.report} />;
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
      <ProgressBar label="Log verification progress" percent={percent} />
    </div>
  );
}

type Props = { job: Verification | null; checkpoint: CheckpointDto | null; publicKey: PublicKeyDto | null };

/**
 * "Verify log": the signed tree head and its key, the latest run (progress
 * while it runs, then its verdict and where a mismatch starts) and the button.
 */
export function VerifyPanel({ job, checkpoint, publicKey }: Props) {
  const active = job !== null && (job.state === "queued" || job.state === "running");
  return (
    <section
      aria-labelledby="verify-heading"
      className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <h2 id="verify-heading" className="text-base font-semibold">
              Tamper check
            </h2>
            <p className="max-w-2xl text-sm text-zinc-500 dark:text-zinc-400">
              Events are sealed into a Merkle tree whose head is signed and also kept outside the database. Verifying recomputes every
              event&apos;s leaf, checks the signed root and compares it with the copy held outside, then says where a mismatch starts.
            </p>
          </div>
          {active ? <Progress job={job} /> : null}
          {job && !active ? (
            <div className="space-y-1">
              <Outcome job={job} />
              {job.finishedAt ? (
                <p data-testid="verify-finished" className="text-xs text-zinc-500 dark:text-zinc-400">
                  Checked <RelativeTime iso={job.finishedAt} />
                </p>
              ) : null}
            </div>
          ) : null}
          {!job ? <p className="text-sm text-zinc-500 dark:text-zinc-400">The log has not been verified from the console yet.</p> : null}
        </div>
        <VerifyButton active={active} />
      </div>
      <TreeHead checkpoint={checkpoint} />
      {publicKey ? <PublicKey publicKey={publicKey} /> : null}
      {active ? <AutoRefresh /> : null}
    </section>
  );
}
