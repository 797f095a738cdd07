"use client";

import { Unlink } from "lucide-react";
import { removeBindingAction } from "@/features/services/actions";
import { ConfirmActionForm } from "../../../components/forms/confirm-action-form";
import { DialogButton } from "@/components/ui/dialog-button";

type Props = { ns: string; service: string; secret: string; target: string };

/** Docker's `--secret-rm`, for one target. */
export function RemoveBindingButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="whitespace-nowrap px-2 py-1 text-xs text-red-600 dark:text-red-400"
      label={
        <>
          <Unlink aria-hidden className="size-3.5" />
          Remove
        </>
      }
      ariaLabel={`Remove binding ${props.target}`}
      title={`Remove ${props.secret} from ${props.service}?`}
      description={`The agent deletes /run/secrets/${props.target} on its next poll, and the service can no longer read ${props.secret}. The secret itself stays.`}
    >
      {(close) => (
        <ConfirmActionForm
          fields={{ ns: props.ns, service: props.service, target: props.target }}
          action={removeBindingAction}
          done={`Removed ${props.secret} from ${props.service}.`}
          close={close}
          label="Remove binding"
          pendingLabel="Removing…"
        />
      )}
    </DialogButton>
  );
}
