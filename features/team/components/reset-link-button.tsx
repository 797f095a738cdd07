"use client";

import { KeyRound } from "lucide-react";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { issueResetLinkAction, type ResetLinkState } from "@/features/team/member-actions";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { OneTimeLink } from "./one-time-link";

function ResetLinkForm({ userId, email, close }: { userId: string; email: string; close: () => void }) {
  const [state, formAction, pending] = useActionState<ResetLinkState, FormData>(issueResetLinkAction, {});
  const form = useActionForm(formAction, state);
  if (state.ok && state.path) {
    return (
      <div className="space-y-4">
        <OneTimeLink path={state.path} title={`Password reset link for ${email}`} testId="reset-link">
          {state.expiresAt ? (
            <p className="text-xs text-emerald-800 dark:text-emerald-200">
              It works once and expires <RelativeTime iso={state.expiresAt} future />.
            </p>
          ) : null}
        </OneTimeLink>
        <div className="flex justify-end">
          <Button type="button" onClick={close} data-autofocus="">
            Done
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form {...form} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <FormFooter focusCancel onCancel={close} pending={pending} label="Create reset link" pendingLabel="Creating…" />
    </form>
  );
}

/** No mail server needed: the admin makes a one-time link and passes it on. */
export function ResetLinkButton({ userId, email }: { userId: string; email: string }) {
  return (
    <DialogButton
      label={
        <>
          <KeyRound aria-hidden className="size-4" />
          Reset password link
        </>
      }
      title={`Reset the password of ${email}?`}
      description="You get a one-time link, valid for 24 hours, for them to choose a new password. Setting it signs them out everywhere and revokes their API tokens. Their current password keeps working until then."
    >
      {(close) => <ResetLinkForm userId={userId} email={email} close={close} />}
    </DialogButton>
  );
}
