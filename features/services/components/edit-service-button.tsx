"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import { updateServiceAction, type UpdateServiceState } from "@/features/services/actions";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { useToast } from "@/components/ui/toast";
import { ServiceFields } from "./service-fields";
import { serviceHref } from "./service-hrefs";

type Props = { ns: string; name: string; description: string; labels: Record<string, string> };

function EditServiceForm({ ns, name, description, labels, close }: Props & { close: () => void }) {
  const toast = useToast();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<UpdateServiceState, FormData>(async (prev, form) => {
    const next = await updateServiceAction(prev, form);
    if (next.ok) {
      close();
      if (next.name && next.name !== name) {
        toast(`Service ${name} renamed to ${next.name}.`);
        router.replace(serviceHref(ns, next.name));
      } else {
        toast(`Service ${name} saved.`);
      }
    }
    return next;
  }, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-5">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="current" value={name} />
      <ServiceFields initial={{ name, description, labels }} errors={state.fieldErrors ?? {}} />
      <FormFooter onCancel={close} pending={pending} label="Save" pendingLabel="Saving…" />
    </form>
  );
}

/** Rename, describe, relabel. Bindings and tokens stay with the service. */
export function EditServiceButton(props: Props) {
  return (
    <DialogButton
      label={
        <>
          <Pencil aria-hidden className="size-4" />
          Edit
        </>
      }
      title={`Edit ${props.name}`}
      description="Renaming keeps the bindings and tokens; the agent's token goes on working."
      size="lg"
    >
      {(close) => <EditServiceForm {...props} close={close} />}
    </DialogButton>
  );
}
