"use client";

import { useId, useState } from "react";
import { createSecretAction } from "@/features/secrets/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SECRET_TYPES } from "@/lib/secrets/secret-types";
import { FieldMessage } from "../../../components/forms/field-message";
import { FormFooter } from "../../../components/forms/form-footer";
import { SelectField } from "../../../components/forms/select-field";
import { LabelsEditor } from "./labels-editor";
import { SecretDataInput } from "./secret-data-input";
import { useSecretForm } from "./use-secret-form";

/**
 * New secret: name, type, labels, immutability and its first data. On
 * success the action redirects to the secret's page; on an error the
 * server answers with messages only and the form keeps everything but
 * the value fields.
 */
export function CreateSecretForm({ ns, maxBytes, onCancel }: { ns: string; maxBytes: number; onCancel: () => void }) {
  const { state, pending, onSubmit } = useSecretForm(createSecretAction);
  const [name, setName] = useState("");
  const [type, setType] = useState<string>("Opaque");
  const [immutable, setImmutable] = useState(false);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="ns" value={ns} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          placeholder="db_password"
          error={errors.name}
          hint="Letters, digits, '.', '_' and '-'."
        />
        <SelectField
          id={`${id}-type`}
          label="Type"
          name="type"
          value={type}
          onChange={(event) => setType(event.target.value)}
          error={errors.type}
        >
          {SECRET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
      </div>
      <SecretDataInput type={type} maxBytes={maxBytes} error={errors.data} />
      <LabelsEditor error={errors.labels} />
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="immutable"
            checked={immutable}
            onChange={(event) => setImmutable(event.target.checked)}
            className="mt-0.5 size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-600"
          />
          <span>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">Immutable</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              Its data can never change (no rotation or rollback); labels still can.
            </span>
          </span>
        </label>
        <FieldMessage id={`${id}-immutable-message`} error={errors.immutable} />
      </div>
      <FormFooter onCancel={onCancel} pending={pending} label="Create secret" pendingLabel="Creating…" />
    </form>
  );
}
