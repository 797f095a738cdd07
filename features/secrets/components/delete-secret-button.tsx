"use client";

import { Trash2 } from "lucide-react";
import { deleteSecretAction } from "@/features/secrets/actions";
import { DialogButton } from "@/components/ui/dialog-button";
import { ConfirmByNameForm } from "../../../components/forms/confirm-by-name-form";

type Props = { ns: string; name: string; recoveryDays: number };

export function DeleteSecretButton(props: Props) {
  const days = `${props.recoveryDays} ${props.recoveryDays === 1 ? "day" : "days"}`;
  return (
    <DialogButton
      label={
        <>
          <Trash2 aria-hidden className="size-4" />
          Delete
        </>
      }
      className="text-red-600 dark:text-red-400"
      title={`Delete ${props.name}?`}
      description={`Services can no longer read it. It stays recoverable from Recently deleted for ${days} (its name stays reserved), then it is purged for good. A secret still bound to a service cannot be deleted.`}
    >
      {/* Success redirects to the list, which shows the notice. */}
      {(close) => (
        <ConfirmByNameForm
          fields={{ ns: props.ns, name: props.name }}
          expected={props.name}
          close={close}
          action={deleteSecretAction}
          errorId="delete-confirm-error"
          label="Delete secret"
          pendingLabel="Deleting…"
        />
      )}
    </DialogButton>
  );
}
