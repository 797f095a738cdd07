"use client";

import { useId, useState } from "react";
import { FieldMessage } from "@/components/forms/field-message";
import { LabelsEditor } from "@/features/secrets/components/labels-editor";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/components/forms/action-state";
import { Textarea } from "../../../components/ui/textarea";

type Initial = { name?: string; description?: string; labels?: Record<string, string> };

/**
 * Name, description and labels of a service, for create and edit. Kept in
 * state so a refused submit keeps what was typed (React resets
 * uncontrolled fields after an action).
 */
export function ServiceFields({ initial = {}, errors }: { initial?: Initial; errors: FieldErrors }) {
  const [name, setName] = useState(initial.name ?? "");
  const [description, setDescription] = useState(initial.description ?? "");
  const id = useId();
  return (
    <>
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
        placeholder="billing-api"
        error={errors.name}
        hint="Letters, digits, '.', '_' and '-', like a Docker service name."
      />
      <div className="space-y-1.5">
        <label htmlFor={`${id}-description`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Description <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
        </label>
        <Textarea
          id={`${id}-description`}
          name="description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={500}
          rows={2}
          placeholder="What runs here, and who looks after it"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${id}-description-message`}
        />
        <FieldMessage id={`${id}-description-message`} error={errors.description} />
      </div>
      <LabelsEditor initial={initial.labels} error={errors.labels} />
    </>
  );
}
