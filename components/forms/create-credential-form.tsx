"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import type { ActionState, FieldErrors, FormAction } from "./action-state";
import { ActionAlert } from "./approval-request";
import { ExpirySelect } from "./expiry-select";
import { FormFooter } from "./form-footer";
import { submitWithoutReset } from "./submit-without-reset";

/** What an action that makes a credential answers: its plaintext token, this once. */
export type CredentialState = ActionState & { token?: string; expiresAt?: string | null };

type Props<S extends CredentialState> = {
  action: FormAction<S>;
  /** Hidden inputs posted with the form: which namespace (and owner) the credential belongs to. */
  hidden: Record<string, string>;
  /** The name input: what its label, limit and hint say for this kind of credential. */
  nameField: { label: string; maxLength: number; hint: string; placeholder?: string; initial?: string };
  /** Fields above the name, given the action's field errors. */
  before?: (errors: FieldErrors) => ReactNode;
  /** The one-time panel for a created credential's token, given the action's answer and the name typed; null keeps the form. */
  created: (token: string, state: S, name: string) => ReactNode;
  submitLabel: string;
  close: () => void;
};

/**
 * The form inside a "new credential" dialog: a name and an expiry, then the
 * token panel in its place once the action answers. The token lives only in
 * this component's state, so closing the dialog forgets it.
 */
export function CreateCredentialForm<S extends CredentialState>({
  action,
  hidden,
  nameField,
  before,
  created,
  submitLabel,
  close,
}: Props<S>) {
  // S is an object type, so Awaited<S> is S: React's signature only cannot see it through the generic.
  const [state, formAction, pending] = useActionState(action as (prev: Awaited<S>, form: FormData) => Promise<S>, {} as Awaited<S>);
  const [name, setName] = useState(nameField.initial ?? "");
  const id = useId();
  const panel = state.token ? created(state.token, state, name) : null;
  if (panel) return panel;
  const errors: FieldErrors = state.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-5" noValidate>
      <ActionAlert state={state} />
      {Object.entries(hidden).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      {before?.(errors)}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field
          label={nameField.label}
          name="name"
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={nameField.maxLength}
          autoComplete="off"
          placeholder={nameField.placeholder}
          error={errors.name}
          hint={nameField.hint}
        />
        <ExpirySelect id={`${id}-expiry`} error={errors.expiresInDays} />
      </div>
      <FormFooter onCancel={close} pending={pending} label={submitLabel} pendingLabel="Creating…" />
    </form>
  );
}
