import { CheckCircle2, CircleDashed, CircleSlash, Clock, Send, Zap } from "lucide-react";
import Link from "next/link";
import { exactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApprovalDto } from "@/packages/contracts/src/approvals/approval-dto";
import { usedAuditHref } from "../approval-hrefs";

type Step = { key: string; icon: typeof Send; tone: string; title: React.ReactNode; when?: string; body?: React.ReactNode; audit?: string };

const done = "text-emerald-600 dark:text-emerald-400";
const waiting = "text-amber-600 dark:text-amber-400";
const off = "text-zinc-500 dark:text-zinc-400";

function decisionStep(request: ApprovalDto): Step {
  const by = request.decidedBy?.email;
  const note = request.decisionNote ? (
    <blockquote className="border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">{request.decisionNote}</blockquote>
  ) : null;
  if (request.status === "pending") {
    return {
      key: "decision",
      icon: Clock,
      tone: waiting,
      title: "Waiting for a decision",
      body: (
        <>
          Anyone else holding the permission may approve or deny it. Unless decided, it expires{" "}
          <RelativeTime iso={request.expiresAt} future />.
        </>
      ),
    };
  }
  if (request.status === "cancelled") {
    return { key: "decision", icon: CircleSlash, tone: off, title: "Cancelled by the requester", when: request.decidedAt ?? undefined };
  }
  if (request.status === "denied") {
    return {
      key: "decision",
      icon: CircleSlash,
      tone: off,
      title: `Denied by ${by ?? "a member"}`,
      when: request.decidedAt ?? undefined,
      body: note,
    };
  }
  if (!request.decidedAt) {
    // Expired before anyone decided.
    return { key: "decision", icon: CircleDashed, tone: off, title: "Nobody decided in time", when: request.expiresAt };
  }
  return { key: "decision", icon: CheckCircle2, tone: done, title: `Approved by ${by ?? "a member"}`, when: request.decidedAt, body: note };
}

function usedStep(request: ApprovalDto, canAudit: boolean): Step | null {
  if (request.usedAt) {
    return {
      key: "used",
      icon: Zap,
      tone: done,
      title: `Used by ${request.requester.email}`,
      when: request.usedAt,
      body: "The action ran with this approval; it cannot be used again.",
      audit: canAudit ? usedAuditHref({ ...request, usedAt: request.usedAt }) : undefined,
    };
  }
  if (request.status === "approved") {
    return {
      key: "used",
      icon: Clock,
      tone: waiting,
      title: "Not used yet",
      body: (
        <>
          {request.requester.email} may now repeat the action, once; the approval expires <RelativeTime iso={request.expiresAt} future />.
        </>
      ),
    };
  }
  if (request.status === "expired" && request.decidedAt) {
    return { key: "used", icon: CircleDashed, tone: off, title: "Expired unused", when: request.expiresAt };
  }
  return null;
}

/** Requested → approved or denied (or cancelled, or expired) → used, each with its time; the use links to the action's audit event. */
export function ApprovalTimeline({ request, canAudit }: { request: ApprovalDto; canAudit: boolean }) {
  const steps = [
    {
      key: "requested",
      icon: Send,
      tone: done,
      title: `Requested by ${request.requester.email}`,
      when: request.createdAt,
      body: <blockquote className="border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">{request.reason}</blockquote>,
    } satisfies Step,
    decisionStep(request),
    usedStep(request, canAudit),
  ].filter((step): step is Step => step !== null);
  return (
    <ol className="space-y-5" aria-label="Timeline">
      {steps.map(({ key, icon: Icon, tone, title, when, body, audit: href }) => (
        <li key={key} className="flex gap-3" data-testid={`timeline-${key}`}>
          <Icon aria-hidden className={`mt-0.5 size-5 shrink-0 ${tone}`} />
          <div className="min-w-0 space-y-1 text-sm">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">
              {title}
              {when ? (
                <>
                  {" "}
                  <span className="font-normal text-zinc-500 dark:text-zinc-400">
                    · <RelativeTime iso={when} /> <span className="sr-only">({exactTime(when)})</span>
                  </span>
                </>
              ) : null}
            </p>
            {body ? <div className="text-zinc-600 dark:text-zinc-400">{body}</div> : null}
            {href ? (
              <Link href={href} className="inline-block text-xs font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
                The action&apos;s audit event
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
