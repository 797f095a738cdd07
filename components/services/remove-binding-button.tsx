"use client";

import { Unlink } from "lucide-react";
import { useActionState } from "react";
import { removeBindingAction, type ActionState } from "@/app/(console)/services/actions";
import { FormFooter } from "@/components/secrets/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";

type Props = { ns: string; service: string; secret: string; target: string };

function RemoveForm({ ns, service, secret, target, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await removeBindingAction(prev, form);
    if (next.ok) {
      close();
      toast(`Removed ${secret} from ${service}.`);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="target" value={target} />
      <FormFooter focusCancel danger onCancel={close} pending={pending} label="Remove binding" pendingLabel="Removing…" />
    </form>
  );
}

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
      {(close) => <RemoveForm {...props} close={close} />}
    </DialogButton>
  );
}
