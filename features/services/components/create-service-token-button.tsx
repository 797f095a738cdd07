"use client";

import { KeySquare } from "lucide-react";
import { useActionState, useId, useState } from "react";
import { createServiceTokenAction, type CreateTokenState } from "@/features/services/actions";
import { FieldMessage } from "@/components/forms/field-message";
import { FormFooter } from "@/components/forms/form-footer";
import { Alert } from "@/components/ui/alert";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { NewTokenPanel } from "./new-token-panel";
import { submitWithoutReset } from "../../../components/forms/submit-without-reset";

const EXPIRY = [
  ["30", "30 days"],
  ["90", "90 days"],
  ["365", "1 year"],
  ["never", "Never"],
] as const;

type Props = { ns: string; service: string };

function CreateTokenForm({ ns, service, close }: Props & { close: () => void }) {
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(createServiceTokenAction, {});
  const [name, setName] = useState("agent");
  const [expiry, setExpiry] = useState("365");
  const id = useId();
  if (state.token) {
    return (
      <NewTokenPanel
        token={state.token}
        name={state.tokenName ?? name}
        service={service}
        expiresAt={state.expiresAt ?? null}
        onDone={close}
      />
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-5">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <input type="hidden" name="service" value={service} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field
          label="Token name"
          name="name"
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={100}
          autoComplete="off"
          error={errors.name}
          hint="Which agent or host uses it, like web-1."
        />
        <div className="space-y-1.5">
          <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Expires
          </label>
          <Select
            id={`${id}-expiry`}
            name="expiresInDays"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            aria-describedby={`${id}-expiry-message`}
          >
            {EXPIRY.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <FieldMessage id={`${id}-expiry-message`} error={errors.expiresInDays} />
        </div>
      </div>
      <FormFooter onCancel={close} pending={pending} label="Create token" pendingLabel="Creating…" />
    </form>
  );
}

/** A token for the service's agent; the plaintext appears in this dialog once. */
export function CreateServiceTokenButton({ ns, service, variant = "secondary" }: Props & { variant?: "primary" | "secondary" }) {
  return (
    <DialogButton
      variant={variant}
      label={
        <>
          <KeySquare aria-hidden className="size-4" />
          Create token
        </>
      }
      title={`New token for ${service}`}
      description={`The service's agent reads its bound secrets with it: whoever holds it reads every value bound to ${service}, now or later, for as long as you hold secret:bind here. Only its SHA-256 is stored.`}
      size="lg"
    >
      {(close) => <CreateTokenForm ns={ns} service={service} close={close} />}
    </DialogButton>
  );
}
