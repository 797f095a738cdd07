"use client";

import { Tags } from "lucide-react";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import type { ActionState } from "@/components/forms/action-state";
import { updateLabelsAction } from "@/features/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { FormFooter } from "../../../components/forms/form-footer";
import { LabelsEditor } from "./labels-editor";

type Props = { ns: string; name: string; labels: Record<string, string> };

function LabelsForm({ ns, name, labels, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await updateLabelsAction(prev, form);
    if (next.ok) {
      close();
      toast(`Labels of ${name} saved.`);
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-5">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <LabelsEditor initial={labels} error={state.fieldErrors?.labels} />
      <FormFooter onCancel={close} pending={pending} label="Save labels" pendingLabel="Saving…" />
    </form>
  );
}

/** Labels replace the old set; allowed on immutable secrets too. */
export function EditLabelsButton(props: Props) {
  return (
    <DialogButton
      label={
        <>
          <Tags aria-hidden className="size-4" />
          Edit labels
        </>
      }
      title={`Labels of ${props.name}`}
      description="Labels do not change the data and make no new version."
      size="lg"
    >
      {(close) => <LabelsForm {...props} close={close} />}
    </DialogButton>
  );
}
