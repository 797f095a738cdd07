"use client";

// "Set expiry" on the secret page (issue 18): the date the value should be
// replaced by; the page and the daily audit event warn from 7 days before.
import { CalendarClock } from "lucide-react";
import { useActionState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { setExpiryAction } from "@/features/secrets/rotation-actions";

type Props = { ns: string; name: string; expiresAt: string | null };

function ExpiryForm({ ns, name, expiresAt, close }: Props & { close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await setExpiryAction(prev, form);
    if (next.ok) {
      close();
      const on = String(form.get("expiresAt") ?? "").trim();
      toast(on ? `${name} expires on ${on}.` : `${name} no longer expires.`);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <Field
        label="Expires on"
        name="expiresAt"
        id="secret-expires-at"
        type="date"
        defaultValue={expiresAt?.slice(0, 10) ?? ""}
        hint="At midnight UTC. Leave empty for no expiry."
        error={state.fieldErrors?.expiresAt}
      />
      <FormFooter onCancel={close} pending={pending} label="Save expiry" pendingLabel="Saving…" />
    </form>
  );
}

export function SetExpiryButton(props: Props) {
  return (
    <DialogButton
      variant="ghost"
      label={
        <>
          <CalendarClock aria-hidden className="size-4" />
          {props.expiresAt ? "Change expiry" : "Set expiry"}
        </>
      }
      title={`Expiry of ${props.name}`}
      description="When the value should have been replaced: the console and the audit log warn from 7 days before. Nothing is deleted."
    >
      {(close) => <ExpiryForm {...props} close={close} />}
    </DialogButton>
  );
}
