"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { deleteServiceAction, type ActionState } from "@/app/(console)/services/actions";
import { FieldMessage } from "@/components/secrets/field-message";
import { FormFooter } from "@/components/secrets/form-footer";
import { Alert } from "@/components/ui/alert";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { DialogButton } from "@/components/ui/dialog-button";

type Props = { ns: string; name: string; bindings: number; activeTokens: number };

function DeleteForm({ ns, name, close }: Props & { close: () => void }) {
  // Success redirects to the list, which shows the notice.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(deleteServiceAction, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <ConfirmByTyping expected={name}>
        {(matches) => (
          <>
            <FieldMessage id="delete-service-confirm-error" error={state.fieldErrors?.confirm} />
            <FormFooter onCancel={close} pending={pending} disabled={!matches} danger label="Delete service" pendingLabel="Deleting…" />
          </>
        )}
      </ConfirmByTyping>
    </form>
  );
}

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
      {(close) => <DeleteForm {...props} close={close} />}
    </DialogButton>
  );
}
