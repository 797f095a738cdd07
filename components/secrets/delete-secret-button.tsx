"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { deleteSecretAction, type ActionState } from "@/app/(console)/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { DialogButton } from "@/components/ui/dialog-button";
import { FieldMessage } from "./field-message";
import { FormFooter } from "./form-footer";

type Props = { ns: string; name: string; recoveryDays: number };

function DeleteForm({ ns, name, close }: Props & { close: () => void }) {
  // Success redirects to the list, which shows the notice.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(deleteSecretAction, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <ConfirmByTyping expected={name}>
        {(matches) => (
          <>
            <FieldMessage id="delete-confirm-error" error={state.fieldErrors?.confirm} />
            <FormFooter onCancel={close} pending={pending} disabled={!matches} danger label="Delete secret" pendingLabel="Deleting…" />
          </>
        )}
      </ConfirmByTyping>
    </form>
  );
}

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
      {(close) => <DeleteForm {...props} close={close} />}
    </DialogButton>
  );
}
