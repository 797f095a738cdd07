"use client";

import { useActionState } from "react";
import type { ActionState } from "@/features/services/actions";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";

type Props = {
  /** Hidden form fields the action reads. */
  fields: Record<string, string>;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The toast after success, when the dialog closes. */
  done: string;
  close: () => void;
  label: string;
  pendingLabel: string;
};

/** The body of a "are you sure?" dialog: cancel has the focus, the action is red. */
export function ConfirmActionForm({ fields, action, done, close, label, pendingLabel }: Props) {
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
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFooter focusCancel danger onCancel={close} pending={pending} label={label} pendingLabel={pendingLabel} />
    </form>
  );
}
