"use client";

import { RefreshCw } from "lucide-react";
import { rotateSecretAction } from "@/features/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { FormFooter } from "../../../components/forms/form-footer";
import { SecretDataInput } from "./secret-data-input";
import { useSecretForm } from "./use-secret-form";

type Props = { ns: string; name: string; type: string; maxBytes: number };

function RotateForm({ ns, name, type, maxBytes, close }: Props & { close: () => void }) {
  const toast = useToast();
  const { state, pending, onSubmit } = useSecretForm(rotateSecretAction, () => {
    close();
    toast(`Rotated ${name}: a new version is current.`);
  });
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <SecretDataInput type={type} maxBytes={maxBytes} error={state.fieldErrors?.data} autoFocus />
      <FormFooter onCancel={close} pending={pending} label="Rotate" pendingLabel="Rotating…" />
    </form>
  );
}

/** New data for the secret, as a new version; the old ones stay for rollback. */
export function RotateButton(props: Props) {
  return (
    <DialogButton
      label={
        <>
          <RefreshCw aria-hidden className="size-4" />
          Rotate
        </>
      }
      title={`Rotate ${props.name}`}
      description="The new data becomes a new version. It replaces every key: give all the keys the secret should have."
      size="lg"
    >
      {(close) => <RotateForm {...props} close={close} />}
    </DialogButton>
  );
}
