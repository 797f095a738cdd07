"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/components/forms/action-state";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";

type Props = {
  /** Hidden form fields the action reads (ids, names). */
  fields: Record<string, string>;
  action: FormAction;
  /** The toast after success, when the dialog closes. */
  done: string;
  close: () => void;
  label: string;
  pendingLabel: string;
  /** A red submit, for what cannot be undone (the default). */
  danger?: boolean;
};

/**
 * The body of an "are you sure?" dialog: cancel has the focus; the
 * action's refusal (a 409 naming what is in the way) shows in the dialog.
 */
export function ConfirmActionForm({ fields, action, done, close, label, pendingLabel, danger = true }: Props) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await action(prev, form);
    if (next.ok) {
      close();
      toast(done);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFooter focusCancel danger={danger} onCancel={close} pending={pending} label={label} pendingLabel={pendingLabel} />
    </form>
  );
}
