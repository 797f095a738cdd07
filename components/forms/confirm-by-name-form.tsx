"use client";

import { useActionState } from "react";
import { useActionForm } from "./submit-without-reset";
import type { ActionState, FormAction } from "@/components/forms/action-state";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { ActionAlert } from "./approval-request";
import { FieldMessage } from "./field-message";
import { FormFooter } from "./form-footer";

type Props = {
  /** Hidden fields the action reads (`ns` and `name`, a member's id). */
  fields: Record<string, string>;
  /** What must be typed to confirm: the object's name, a member's email. */
  expected: string;
  close: () => void;
  /** The server action; it receives `fields` and the typed `confirm`. */
  action: FormAction;
  /** Runs after a successful action that did not redirect. */
  onDone?: () => void;
  errorId: string;
  label: string;
  pendingLabel: string;
};

/** A destructive action confirmed by typing the object's name (delete, purge, remove a member). */
export function ConfirmByNameForm({ fields, expected, close, action, onDone, errorId, label, pendingLabel }: Props) {
  // Without onDone the action is handed over as it is, so its redirect on
  // success works exactly as a plain server-action form's does.
  const run = onDone
    ? async (prev: ActionState, form: FormData) => {
        const next = await action(prev, form);
        if (next.ok) onDone();
        return next;
      }
    : action;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(run, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-4">
      <ActionAlert state={state} />
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <ConfirmByTyping expected={expected}>
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
