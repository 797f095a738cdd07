"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { FieldMessage } from "../../../components/forms/field-message";
import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { useRows } from "./row-list";

/** Repeatable key/value rows, posted as `labelKey`/`labelValue` pairs. */
export function LabelsEditor({ initial = {}, error }: { initial?: Record<string, string>; error?: string }) {
  const messageId = useId();
  const start = Object.entries(initial).map(([key, value]) => ({ key, value }));
  const { rows, add, remove, update } = useRows(start.length ? start : [{ key: "", value: "" }]);
  return (
    <fieldset className="space-y-2" aria-describedby={messageId}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Labels</legend>
      {rows.map((row, index) => (
        <div key={row.id} className="flex items-center gap-2">
          <Input
            name="labelKey"
            aria-label={`Label ${index + 1} key`}
            placeholder="key"
            value={row.key}
            onChange={(event) => update(row.id, { key: event.target.value })}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            className="font-mono"
          />
          <span aria-hidden className="text-zinc-400">
            =
          </span>
          <Input
            name="labelValue"
            aria-label={`Label ${index + 1} value`}
            placeholder="value"
            value={row.value}
            onChange={(event) => update(row.id, { value: event.target.value })}
            autoComplete="off"
            className="font-mono"
          />
          <RemoveRowButton label={`Remove label ${index + 1}`} onClick={() => remove(row.id)} />
        </div>
      ))}
      <AddRowButton onClick={() => add({ key: "", value: "" })}>Add label</AddRowButton>
      <FieldMessage id={messageId} error={error} hint="Labels are metadata for filtering, like env=prod. Leave a row blank to skip it." />
    </fieldset>
  );
}
