"use client";

import type { FormAction } from "@/components/forms/action-state";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { DialogButton } from "@/components/ui/dialog-button";

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
  action: FormAction;
  /** Hidden fields the action reads (ids, names). */
  fields: Record<string, string>;
  /** The toast after success. */
  done: string;
};

/**
 * A button whose action runs only after a confirmation dialog; the
 * action's refusal (a 409 naming what is in the way) shows in the dialog.
 */
export function ConfirmButton(props: Props) {
  return (
    <DialogButton
      // A class on the button would lose to the variant's own text colour.
      label={
        props.danger ? <span className="inline-flex items-center gap-1.5 text-red-600 dark:text-red-400">{props.label}</span> : props.label
      }
      ariaLabel={props.ariaLabel}
      variant={props.variant ?? "secondary"}
      className={props.className}
      title={props.title}
      description={props.description}
    >
      {(close) => (
        <ConfirmActionForm
          fields={props.fields}
          action={props.action}
          done={props.done}
          close={close}
          label={props.confirmLabel}
          pendingLabel={props.pendingLabel}
          danger={props.danger ?? false}
        />
      )}
    </DialogButton>
  );
}
