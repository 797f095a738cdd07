"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { submitWithoutReset } from "@/components/forms/submit-without-reset";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { setApprovalPolicyAction } from "../actions";

export type PolicyChoice = { action: string; label: string; detail?: string };

type Props = {
  /** The namespace, or null for the instance's own policy (key re-wrap). */
  ns: string | null;
  choices: PolicyChoice[];
  actions: string[];
  approvalMinutes: number;
  close: () => void;
};

export const MINUTES_MIN = 5;
export const MINUTES_MAX = 1440;

/** Which actions need a second person, and how long an approval stays usable once given. */
export function ApprovalPolicyForm({ ns, choices, actions, approvalMinutes, close }: Props) {
  const id = useId();
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState<"actions" | "approvalMinutes">, FormData>(async (prev, form) => {
    const next = await setApprovalPolicyAction(prev, form);
    if (next.ok) {
      close();
      toast(ns ? `Approval policy of ${ns} saved.` : "Approval policy saved.");
    }
    return next;
  }, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns ?? ""} />
      <fieldset className="space-y-2" aria-describedby={`${id}-actions-message`}>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Needs a second person&apos;s approval</legend>
        {choices.map((choice) => (
          <label key={choice.action} className="flex items-start gap-2.5 text-sm">
            <input
              type="checkbox"
              name="actions"
              value={choice.action}
              defaultChecked={actions.includes(choice.action)}
              className="mt-0.5 size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
            />
            <span>
              <span className="font-medium text-zinc-900 dark:text-zinc-100">{choice.label}</span>
              {choice.detail ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{choice.detail}</span> : null}
            </span>
          </label>
        ))}
        <FieldMessage
          id={`${id}-actions-message`}
          error={errors.actions}
          hint="The requester gives a reason; another member holding the same permission approves or denies."
        />
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-minutes`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Approval usable for (minutes)
        </label>
        <input
          id={`${id}-minutes`}
          name="approvalMinutes"
          type="number"
          inputMode="numeric"
          min={MINUTES_MIN}
          max={MINUTES_MAX}
          required
          defaultValue={approvalMinutes}
          aria-invalid={errors.approvalMinutes ? true : undefined}
          aria-describedby={`${id}-minutes-message`}
          className={`${inputClass} max-w-32`}
        />
        <FieldMessage
          id={`${id}-minutes-message`}
          error={errors.approvalMinutes}
          hint={`From ${MINUTES_MIN} to ${MINUTES_MAX} (a day). An approval is used once; a request nobody decides expires after 24 hours.`}
        />
      </div>
      <FormFooter onCancel={close} pending={pending} label="Save policy" pendingLabel="Saving…" />
    </form>
  );
}
