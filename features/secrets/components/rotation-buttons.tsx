"use client";

import { RefreshCw } from "lucide-react";
import { useActionState } from "react";
import type { ActionState } from "@/components/forms/action-state";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { FormFooter } from "@/components/forms/form-footer";
import { SelectField } from "@/components/forms/select-field";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { runRotationAction, setRotationAction, stopRotationAction } from "@/features/secrets/rotation-actions";

type Target = { ns: string; name: string };
type Current = { every: string; length: number; alphabet: string; key: string | null } | null;

function RotationForm({ ns, name, current, close }: Target & { current: Current; close: () => void }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await setRotationAction(prev, form);
    if (next.ok) {
      close();
      toast(`${name} now rotates every ${String(form.get("every"))}.`);
    }
    return next;
  }, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="name" value={name} />
      <Field
        label="Every"
        name="every"
        defaultValue={current?.every ?? "30d"}
        hint='A whole number and s, m, h or d, at least 1m: "30d", "12h"'
        error={state.fieldErrors?.every}
        required
      />
      <Field
        label="Length"
        name="length"
        type="number"
        min={8}
        max={4096}
        defaultValue={current?.length ?? 32}
        error={state.fieldErrors?.generator}
      />
      <SelectField id="rotation-alphabet" name="alphabet" label="Alphabet" defaultValue={current?.alphabet ?? "base64"}>
        <option value="base64">base64 (random bytes, encoded)</option>
        <option value="alphanumeric">alphanumeric</option>
        <option value="hex">hex</option>
        <option value="symbols">letters, digits and symbols</option>
      </SelectField>
      <Field
        label="Key"
        name="key"
        defaultValue={current?.key ?? ""}
        hint="The key the new value replaces; needed when the secret has several."
      />
      <FormFooter onCancel={close} pending={pending} label="Save policy" pendingLabel="Saving…" />
    </form>
  );
}

export function SetRotationButton(props: Target & { current: Current }) {
  return (
    <DialogButton
      variant={props.current ? "ghost" : "secondary"}
      label={
        <>
          <RefreshCw aria-hidden className="size-4" />
          {props.current ? "Change schedule" : "Schedule rotation"}
        </>
      }
      title={props.current ? `Rotation of ${props.name}` : `Schedule rotation of ${props.name}`}
      description="On schedule, Coffer writes a new version with a freshly generated value; bound services follow it as they follow any new version."
    >
      {(close) => <RotationForm {...props} close={close} />}
    </DialogButton>
  );
}

export function StopRotationButton({ ns, name }: Target) {
  return (
    <DialogButton
      variant="ghost"
      label="Stop rotating"
      title={`Stop rotating ${name}?`}
      description="No new versions are written on schedule any more. The versions rotation wrote stay, and the current value keeps working."
    >
      {(close) => (
        <ConfirmActionForm
          fields={{ ns, name }}
          action={stopRotationAction}
          done={`${name} is no longer rotated.`}
          close={close}
          label="Stop rotating"
          pendingLabel="Stopping…"
        />
      )}
    </DialogButton>
  );
}

export function RunRotationButton({ ns, name }: Target) {
  return (
    <DialogButton
      variant="ghost"
      label="Rotate now"
      title={`Rotate ${name} now?`}
      description="This writes a new version now, as the schedule would; the next scheduled run stays where it is."
    >
      {(close) => (
        <ConfirmActionForm
          fields={{ ns, name }}
          action={runRotationAction}
          done={`${name} rotated.`}
          close={close}
          label="Rotate now"
          pendingLabel="Rotating…"
          danger={false}
        />
      )}
    </DialogButton>
  );
}
