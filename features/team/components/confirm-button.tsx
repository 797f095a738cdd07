"use client";

import { useActionState } from "react";
import type { TeamActionState } from "@/features/team/action-result";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";

type Action = (prev: TeamActionState, form: FormData) => Promise<TeamActionState>;

type Props = {
  /** The opening button's content, and its accessible name when that is an icon or too short. */
  label: React.ReactNode;
  ariaLabel?: string;
  variant?: "primary" | "secondary" | "ghost";
  className?: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  action: Action;
  /** Hidden fields the action reads (ids, names). */
  fields: Record<string, string>;
  /** The toast after success. */
  done: string;
};

function ConfirmForm({ action, fields, done, confirmLabel, pendingLabel, danger, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<TeamActionState, FormData>(async (prev, form) => {
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
      <FormFooter focusCancel onCancel={close} pending={pending} danger={danger} label={confirmLabel} pendingLabel={pendingLabel} />
    </form>
  );
}

/**
 * A button whose action runs only after a confirmation dialog; the
 * action's refusal (a 409 naming what is in the way) shows in the dialog.
 */
export function ConfirmButton(props: Props) {
  return (
    <DialogButton
      // A class on the button would lose to the variant's own text colour.
      label={props.danger ? <span className="inline-flex items-center gap-1.5 text-red-600 dark:text-red-400">{props.label}</span> : props.label}
      ariaLabel={props.ariaLabel}
      variant={props.variant ?? "secondary"}
      className={props.className}
      title={props.title}
      description={props.description}
    >
      {(close) => <ConfirmForm {...props} close={close} />}
    </DialogButton>
  );
}
