"use client";

import { Ban } from "lucide-react";
import { DialogButton } from "@/components/ui/dialog-button";
import type { FormAction } from "./action-state";
import { ConfirmActionForm } from "./confirm-action-form";

type Props = {
  /** The button's accessible name: its visible "Revoke" is the same on every row. */
  ariaLabel: string;
  title: string;
  /** What stops working at once. */
  description: string;
  action: FormAction;
  /** Hidden fields the action reads (ids, names). */
  fields: Record<string, string>;
  /** The toast after success. */
  done: string;
  confirmLabel: string;
};

/** A table row's red "Revoke" for a credential, with its "are you sure?" dialog. */
export function RevokeButton({ ariaLabel, title, description, action, fields, done, confirmLabel }: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="whitespace-nowrap px-2 py-1 text-xs text-red-600 dark:text-red-400"
      label={
        <>
          <Ban aria-hidden className="size-3.5" />
          Revoke
        </>
      }
      ariaLabel={ariaLabel}
      title={title}
      description={description}
    >
      {(close) => (
        <ConfirmActionForm fields={fields} action={action} done={done} close={close} label={confirmLabel} pendingLabel="Revoking…" />
      )}
    </DialogButton>
  );
}
