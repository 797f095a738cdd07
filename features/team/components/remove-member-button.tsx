"use client";

import { UserMinus } from "lucide-react";
import { ConfirmByNameForm } from "@/components/forms/confirm-by-name-form";
import { DialogButton } from "@/components/ui/dialog-button";
import { removeMemberAction } from "@/features/team/member-actions";

export function RemoveMemberButton({ userId, email }: { userId: string; email: string }) {
  return (
    <DialogButton
      // A class on the button would lose to the variant's own text colour.
      label={
        <span className="inline-flex items-center gap-2 text-red-600 dark:text-red-400">
          <UserMinus aria-hidden className="size-4" />
          Remove member
        </span>
      }
      title={`Remove ${email}?`}
      description="Their account, grants, sessions and API tokens are deleted at once. The audit trail keeps what they did. To let them back in, invite them again."
    >
      {/* Success redirects to the member list, which shows the notice. */}
      {(close) => (
        <ConfirmByNameForm
          fields={{ userId }}
          expected={email}
          close={close}
          action={removeMemberAction}
          errorId="remove-confirm-error"
          label="Remove member"
          pendingLabel="Removing…"
        />
      )}
    </DialogButton>
  );
}
