"use client";

import { Plus } from "lucide-react";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import type { ActionState } from "@/components/forms/action-state";
import { createServiceAction } from "@/features/services/actions";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { ServiceFields } from "./service-fields";

function CreateServiceForm({ ns, close }: { ns: string; close: () => void }) {
  // Success redirects to the new service's page.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createServiceAction, {});
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-5">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <ServiceFields errors={state.fieldErrors ?? {}} />
      <FormFooter onCancel={close} pending={pending} label="Create service" pendingLabel="Creating…" />
    </form>
  );
}

export function CreateServiceButton({ ns, variant = "primary" }: { ns: string; variant?: "primary" | "secondary" }) {
  return (
    <DialogButton
      label={
        <>
          <Plus aria-hidden className="size-4" />
          Create service
        </>
      }
      variant={variant}
      title="Create service"
      description={
        <>
          In namespace <span className="font-medium text-zinc-700 dark:text-zinc-300">{ns}</span>. Then bind secrets to it and give its
          agent a token.
        </>
      }
      size="lg"
    >
      {(close) => <CreateServiceForm ns={ns} close={close} />}
    </DialogButton>
  );
}
