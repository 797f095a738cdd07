"use client";

import { Input } from "@/components/ui/input";
import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { useRows } from "./row-list";

/**
 * Key + value rows. Values are password fields: never shown, never
 * autofilled or saved by the browser, and posted only to the server action.
 */
export function TextEntries({ invalid, describedBy, autoFocus }: { invalid: boolean; describedBy: string; autoFocus?: boolean }) {
  const { rows, add, remove, update } = useRows([{ key: "value" }]);
  return (
    <div className="space-y-2">
      {rows.map((row, index) => (
        <div key={row.id} className="flex items-center gap-2">
          <Input
            name="entryKey"
            aria-label={`Key ${index + 1}`}
            placeholder="key"
            value={row.key}
            onChange={(event) => update(row.id, { key: event.target.value })}
            autoComplete="off"
            spellCheck={false}
            className="w-2/5 font-mono"
          />
          <Input
            type="password"
            name="entryValue"
            aria-label={`Value ${index + 1}${row.key ? ` (${row.key})` : ""}`}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={describedBy}
            placeholder="value"
            required
            data-autofocus={autoFocus && index === 0 ? "" : undefined}
            autoComplete="off"
            data-1p-ignore
            data-lpignore="true"
            spellCheck={false}
          />
          <RemoveRowButton label={`Remove key ${index + 1}`} onClick={() => remove(row.id)} disabled={rows.length === 1} />
        </div>
      ))}
      <AddRowButton onClick={() => add({ key: "" })}>Add key</AddRowButton>
    </div>
  );
}
