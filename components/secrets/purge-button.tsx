"use client";

import { Flame } from "lucide-react";
import { useActionState } from "react";
import { purgeSecretAction, type ActionState } from "@/app/(console)/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { FieldMessage } from "./field-message";
import { FormFooter } from "./form-footer";

type Props = { ns: string; name: string };

function PurgeForm({ ns, name, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await purgeSecretAction(prev, form);
    if (next.ok) {
      close();
      toast(`Secret ${name} purged for good.`);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <ConfirmByTyping expected={name}>
        {(matches) => (
          <>
            <FieldMessage id="purge-confirm-error" error={state.fieldErrors?.confirm} />
            <FormFooter onCancel={close} pending={pending} disabled={!matches} danger label="Purge now" pendingLabel="Purging…" />
          </>
        )}
      </ConfirmByTyping>
    </form>
  );
}

export function PurgeButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="px-2.5 py-1 text-xs text-red-600 dark:text-red-400"
      label={
        <>
          <Flame aria-hidden className="size-3.5" />
          Purge now
        </>
      }
      ariaLabel={`Purge ${props.name} now`}
      title={`Purge ${props.name} now?`}
      description="Every version is destroyed for good. This cannot be undone, and frees the name."
    >
      {(close) => <PurgeForm {...props} close={close} />}
    </DialogButton>
  );
}
