"use client";

import { UserMinus } from "lucide-react";
import { useActionState } from "react";
import { removeMemberAction } from "@/features/team/member-actions";
import type { TeamActionState } from "@/features/team/action-result";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { DialogButton } from "@/components/ui/dialog-button";

function RemoveForm({ userId, email, close }: { userId: string; email: string; close: () => void }) {
  // Success redirects to the member list, which shows the notice.
  const [state, formAction, pending] = useActionState<TeamActionState, FormData>(removeMemberAction, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <ConfirmByTyping expected={email}>
        {(matches) => (
          <>
            <FieldMessage id="remove-confirm-error" error={state.fieldErrors?.confirm} />
            <FormFooter onCancel={close} pending={pending} disabled={!matches} danger label="Remove member" pendingLabel="Removing…" />
          </>
        )}
      </ConfirmByTyping>
    </form>
  );
}

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
      {(close) => <RemoveForm userId={userId} email={email} close={close} />}
    </DialogButton>
  );
}
