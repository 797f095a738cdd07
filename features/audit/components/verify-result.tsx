import { ShieldAlert, ShieldCheck } from "lucide-react";
import Link from "next/link";
import type { LogProblem, LogReport } from "@/packages/contracts/src/audit/log-report";
import type { LegacyChainReport } from "@/lib/audit/verify-job";
import { auditEventHref, olderThanHref } from "./audit-hrefs";

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

const link =
  "font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current";

/** Where the mismatch starts: the first bad event, or the range it lies in, each a link to the events. */
function Where({ problem }: { problem: LogProblem }) {
  if (problem.firstBadSeq) {
    return (
      <p data-testid="verify-where">
        Starts at{" "}
        <Link href={auditEventHref(problem.firstBadSeq)} className={link}>
          event #{problem.firstBadSeq}
        </Link>
        .
      </p>
    );
  }
  if (!problem.range) return null;
  const { afterSeq, throughSeq } = problem.range;
  return (
    <p data-testid="verify-where">
      Somewhere {afterSeq ? `after event #${afterSeq}` : "from the first event"}, up to{" "}
      <Link href={olderThanHref(throughSeq)} className={link}>
        event #{throughSeq}
      </Link>
      .
    </p>
  );
}

/** The verdict of a finished verification. */
export function VerifyResult({ report }: { report: LogReport }) {
  if (report.ok) {
    const extra = [
      report.archived ? `${plural(report.archived, "archived event")} checked by leaf hash` : null,
      report.unsealed ? `${plural(report.unsealed, "event")} not sealed yet` : null,
    ].filter(Boolean);
    return (
      <div role="status" data-testid="verify-result" className="space-y-0.5 text-sm text-emerald-800 dark:text-emerald-300">
        <p className="flex items-center gap-2 font-semibold">
          <ShieldCheck aria-hidden className="size-4 shrink-0" />
          Log intact: {plural(report.checked, "event")} match the signed tree
          {report.outside ? `, consistent with the checkpoint held outside the database (${plural(report.outside.size, "event")})` : ""}
        </p>
        {extra.length ? <p className="pl-6 text-xs">{extra.join(" · ")}</p> : null}
      </div>
    );
  }
  const problem = report.problem;
  return (
    <div
      role="alert"
      data-testid="verify-result"
      className="space-y-1 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-inset ring-red-200 dark:bg-red-950/50 dark:text-red-200 dark:ring-red-900"
    >
      <p className="flex items-start gap-2 font-semibold">
        <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span data-testid="verify-problem">{problem ? problemTitle(problem) : "Verification failed"}</span>
      </p>
      {problem ? (
        <div className="space-y-0.5 pl-6">
          <p data-testid="verify-message">{problem.message}</p>
          <Where problem={problem} />
        </div>
      ) : null}
    </div>
  );
}

/** What a verification job stored before the transparency log: a walk of the old hash chain. */
export function LegacyChainResult({ report }: { report: LegacyChainReport }) {
  return (
    <p
      role={report.ok ? "status" : "alert"}
      data-testid="verify-result"
      className={`text-sm font-semibold ${report.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
    >
      {report.ok
        ? `Hash chain intact: ${plural(report.count, "event")} verified`
        : `Hash chain broken at event #${report.badSeq}: ${report.reason}`}{" "}
      (a check from before the transparency log; verify again)
    </p>
  );
}

function problemTitle(problem: LogProblem): string {
  switch (problem.code) {
    case "bad-signature":
      return "A checkpoint's signature does not verify";
    case "deleted":
      return "Events were deleted";
    case "missing-event":
      return "A sealed event is missing";
    case "edited":
      return "An event was changed";
    case "rewritten":
      return "History was rewritten";
  }
}
