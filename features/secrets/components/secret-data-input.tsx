"use client";

import { useId, useState } from "react";
import { DataModePicker, type DataMode } from "./data-mode-picker";
import { FieldMessage } from "../../../components/forms/field-message";
import { FileEntries } from "./file-entries";
import { GenerateEntry } from "./generate-entry";
import { TextEntries } from "./text-entries";
import { typeKeysHint } from "./type-keys";

const HINTS: Record<DataMode, string> = {
  text: "One value is stored under the key “value”, like a Docker secret. Values are write-only: nobody can read them back here. Multi-line values (keys, certificates): use File.",
  file: "Each file becomes one key; the key defaults to the file's name.",
  generate: "Generated on the server and stored directly: it is never shown, not even once.",
};

/** The data of a new version, typed, uploaded or generated. Only the chosen mode's fields are posted. */
export function SecretDataInput({
  type,
  maxBytes,
  error,
  autoFocus,
}: {
  type: string;
  maxBytes: number;
  error?: string;
  /** Focus the first value field when the dialog opens (rotation: the value is all there is to enter). */
  autoFocus?: boolean;
}) {
  const [mode, setMode] = useState<DataMode>("text");
  const messageId = useId();
  const typeHint = typeKeysHint(type);
  const invalid = Boolean(error);
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Data</legend>
      <DataModePicker mode={mode} onChange={setMode} />
      {mode === "text" ? <TextEntries invalid={invalid} describedBy={messageId} autoFocus={autoFocus} /> : null}
      {mode === "file" ? <FileEntries maxBytes={maxBytes} invalid={invalid} describedBy={messageId} /> : null}
      {mode === "generate" ? <GenerateEntry invalid={invalid} describedBy={messageId} /> : null}
      <FieldMessage
        id={messageId}
        error={error}
        hint={
          <>
            {HINTS[mode]}
            {typeHint ? <span className="mt-1 block font-medium text-zinc-600 dark:text-zinc-300">{typeHint}</span> : null}
          </>
        }
      />
    </fieldset>
  );
}
