"use client";

import Link from "next/link";
import { useActionState, useCallback, useId, useState } from "react";
import type { ApprovalGate } from "@/components/forms/action-state";
import { ApprovalPromptContext } from "@/components/forms/approval-request";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { requestApprovalAction, type RequestApprovalState } from "../actions";
import { approvalHref } from "../approval-hrefs";

/** Action → its label ("Delete a secret"), from lib's registry, passed in by the layout. */
export type ActionLabels = Record<string, string>;

const REASON_MAX = 500;

type Prompted = { gate: ApprovalGate; message: string; key: number };

function GateSummary({ gate, labels }: { gate: ApprovalGate; labels: ActionLabels }) {
  const rows: [string, string][] = [
    ["Action", labels[gate.action] ?? gate.action],
    ...(gate.namespace ? ([["Namespace", gate.namespace]] as [string, string][]) : []),
    ...Object.entries(gate.target).map(([key, value]): [string, string] => [key.charAt(0).toUpperCase() + key.slice(1), value]),
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-800/60">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd className="break-all font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RequestForm({ gate, labels, close }: { gate: ApprovalGate; labels: ActionLabels; close: () => void }) {
  const id = useId();
  const [state, formAction, pending] = useActionState<RequestApprovalState, FormData>(requestApprovalAction, {});
  const form = useActionForm(formAction, state);
  if (state.request) {
    return (
      <div className="space-y-4 text-sm" data-testid="approval-requested">
        <Alert tone="info">
          Approval requested. Someone else who holds the permission decides on the request&apos;s page; once it is approved, repeat the
          action and it goes through, once.
        </Alert>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={close}>
            Done
          </Button>
          <Link
            href={approvalHref(state.request.id)}
            onClick={close}
            data-autofocus=""
            className="inline-flex items-center justify-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Open the request
          </Link>
        </div>
      </div>
    );
  }
  const error = state.fieldErrors?.reason;
  return (
    <form {...form} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="action" value={gate.action} />
      <input type="hidden" name="namespace" value={gate.namespace ?? ""} />
      <input type="hidden" name="target" value={JSON.stringify(gate.target)} />
      <GateSummary gate={gate} labels={labels} />
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reason
        </label>
        <Textarea
          id={`${id}-reason`}
          name="reason"
          required
          maxLength={REASON_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-reason-message`}
        />
        <FieldMessage
          id={`${id}-reason-message`}
          error={error}
          hint="Why, and why now: whoever decides reads it (a ticket or incident helps)."
        />
      </div>
      <FormFooter onCancel={close} pending={pending} label="Request approval" pendingLabel="Requesting…" />
    </form>
  );
}

/**
 * The console's one "request an approval" dialog. Forms show a refusal
 * that names a gate through ActionAlert, which opens this; it lives beside
 * the page rather than inside a form's own dialog, so it opens on top of it
 * and closing it leaves that dialog as it was.
 */
export function ApprovalRequestProvider({ labels, children }: { labels: ActionLabels; children: React.ReactNode }) {
  const [prompted, setPrompted] = useState<Prompted | null>(null);
  const prompt = useCallback((gate: ApprovalGate, message: string) => setPrompted({ gate, message, key: Date.now() }), []);
  const close = useCallback(() => setPrompted(null), []);
  return (
    <ApprovalPromptContext value={prompt}>
      {children}
      <Dialog open={prompted !== null} onClose={close} title="This needs a second person's approval" description={prompted?.message}>
        {prompted ? <RequestForm key={prompted.key} gate={prompted.gate} labels={labels} close={close} /> : null}
      </Dialog>
    </ApprovalPromptContext>
  );
}
