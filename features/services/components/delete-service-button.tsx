"use client";

import { Trash2 } from "lucide-react";
import { deleteServiceAction } from "@/features/services/actions";
import { ConfirmByNameForm } from "@/components/forms/confirm-by-name-form";
import { DialogButton } from "@/components/ui/dialog-button";

type Props = { ns: string; name: string; bindings: number; activeTokens: number };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function DeleteServiceButton(props: Props) {
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
      description={`Its ${plural(props.bindings, "binding")} and ${plural(props.activeTokens, "active token")} go with it: its agent can no longer read anything. The secrets themselves stay. This cannot be undone.`}
    >
      {/* Success redirects to the list, which shows the notice. */}
      {(close) => (
        <ConfirmByNameForm
          fields={{ ns: props.ns, name: props.name }}
          expected={props.name}
          close={close}
          action={deleteServiceAction}
          errorId="delete-service-confirm-error"
          label="Delete service"
          pendingLabel="Deleting…"
        />
      )}
    </DialogButton>
  );
}
