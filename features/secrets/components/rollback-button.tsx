"use client";

import { RotateCcw } from "lucide-react";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import type { ActionState } from "@/components/forms/action-state";
import { rollbackSecretAction } from "@/features/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { FormFooter } from "../../../components/forms/form-footer";

type Props = { ns: string; name: string; version: number };

function RollbackForm({ ns, name, version, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await rollbackSecretAction(prev, form);
    if (next.ok) {
      close();
      toast(`Rolled back ${name}: a new version now holds version ${version}'s data.`);
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="version" value={version} />
      <FormFooter focusCancel onCancel={close} pending={pending} label={`Roll back to version ${version}`} pendingLabel="Rolling back…" />
    </form>
  );
}

export function RollbackButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      className="whitespace-nowrap px-2 py-1 text-xs"
      label={
        <>
          <RotateCcw aria-hidden className="size-3.5" />
          Roll back to this version
        </>
      }
      ariaLabel={`Roll back to version ${props.version}`}
      title={`Roll back to version ${props.version}?`}
      description={`This writes version ${props.version}'s data as a new version, which services bound to ${props.name} then get. Every version stays in the history.`}
    >
      {(close) => <RollbackForm {...props} close={close} />}
    </DialogButton>
  );
}
