"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { FieldMessage } from "./field-message";
import { FormFooter } from "./form-footer";

type State = { ok?: boolean; error?: string; fieldErrors?: { confirm?: string } };

type Props = {
  ns: string;
  name: string;
  close: () => void;
  /** The server action; it receives `ns`, `name` and the typed `confirm`. */
  action: (prev: State, form: FormData) => Promise<State>;
  /** Runs after a successful action that did not redirect. */
  onDone?: () => void;
  errorId: string;
  label: string;
  pendingLabel: string;
};

/** A destructive action confirmed by typing the object's name (delete, purge). */
export function ConfirmByNameForm({ ns, name, close, action, onDone, errorId, label, pendingLabel }: Props) {
  // Without onDone the action is handed over as it is, so its redirect on
  // success works exactly as a plain server-action form's does.
  const run = onDone
    ? async (prev: State, form: FormData) => {
        const next = await action(prev, form);
        if (next.ok) onDone();
        return next;
      }
    : action;
  const [state, formAction, pending] = useActionState<State, FormData>(run, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <ConfirmByTyping expected={name}>
        {(matches) => (
          <>
            <FieldMessage id={errorId} error={state.fieldErrors?.confirm} />
            <FormFooter onCancel={close} pending={pending} disabled={!matches} danger label={label} pendingLabel={pendingLabel} />
          </>
        )}
      </ConfirmByTyping>
    </form>
  );
}
