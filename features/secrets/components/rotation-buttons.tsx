"use client";

import { RefreshCw } from "lucide-react";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/submit-without-reset";
import type { ActionState } from "@/components/forms/action-state";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { SelectField } from "@/components/forms/select-field";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { runRotationAction, setRotationAction, stopRotationAction } from "@/features/secrets/rotation-actions";

type Target = { ns: string; name: string };
type CurrentRotator = { kind: string; admin: string; roles: string[] } | null;
type Current = { every: string; length: number; alphabet: string; key: string | null; rotator: CurrentRotator } | null;

/**
 * The optional rotator part: blank means the policy only writes generated
 * values; filled, Coffer also changes the role's password in PostgreSQL.
 * Prefilled with the policy's rotator, so a schedule change keeps it.
 */
function RotatorFields({ rotator, errors }: { rotator: CurrentRotator; errors: ActionState["fieldErrors"] }) {
  const rolesMessage = "rotation-roles-message";
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">PostgreSQL rotator (optional)</legend>
      <Field
        label="Admin secret"
        name="rotatorAdmin"
        id="rotation-admin"
        defaultValue={rotator?.admin ?? ""}
        hint="A secret in this namespace holding the admin connection URL. Needs permission to reveal it."
        error={errors?.rotatorAdmin}
        autoComplete="off"
      />
      <div className="space-y-1.5" role="group" aria-label="Roles" aria-describedby={rolesMessage}>
        <div className="grid grid-cols-2 gap-3">
          {(["Blue", "Green"] as const).map((color, index) => (
            <Field
              key={color}
              label={`${color} role`}
              name={`role${color}`}
              id={`rotation-role-${color.toLowerCase()}`}
              defaultValue={rotator?.roles[index] ?? ""}
              autoComplete="off"
              aria-invalid={errors?.rotatorRoles ? true : undefined}
              aria-describedby={rolesMessage}
            />
          ))}
        </div>
        <FieldMessage
          id={rolesMessage}
          error={errors?.rotatorRoles}
          hint="Two login roles that take turns: the new password goes to the one not in use."
        />
      </div>
    </fieldset>
  );
}

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
  const form = useActionForm(formAction, state);
  return (
    <form {...form} className="space-y-4">
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
      <RotatorFields rotator={current?.rotator ?? null} errors={state.fieldErrors} />
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
