"use client";

import { Ban } from "lucide-react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { DialogButton } from "@/components/ui/dialog-button";
import { cancelApprovalAction } from "../actions";

/** The requester withdraws a request that is pending, or approved and not used yet. */
export function CancelRequestButton({ id }: { id: string }) {
  return (
    <DialogButton
      label={
        <>
          <Ban aria-hidden className="size-4" />
          Cancel request
        </>
      }
      title="Cancel this request?"
      description="Nobody can approve or use it afterwards. To do the action later, request it again."
    >
      {(close) => (
        <ConfirmActionForm
          fields={{ id }}
          action={cancelApprovalAction}
          done="Request cancelled."
          close={close}
          label="Cancel request"
          pendingLabel="Cancelling…"
        />
      )}
    </DialogButton>
  );
}
