"use client";

import { Input } from "@/components/ui/input";
import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { useRows } from "./row-list";

const fileClass =
  "block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-zinc-800 hover:file:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:file:bg-zinc-800 dark:file:text-zinc-100 dark:hover:file:bg-zinc-700";

/** Key + file rows; the bytes go to the server action as a File and are never read in the browser. */
export function FileEntries({ maxBytes, invalid, describedBy }: { maxBytes: number; invalid: boolean; describedBy: string }) {
  const { rows, add, remove, update } = useRows([{ key: "" }]);
  return (
    <div className="space-y-2">
      {rows.map((row, index) => (
        <div key={row.id} className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <Input
            name="fileKey"
            aria-label={`Key ${index + 1}`}
            placeholder="key (default: file name)"
            value={row.key}
            onChange={(event) => update(row.id, { key: event.target.value })}
            autoComplete="off"
            spellCheck={false}
            className="font-mono sm:w-2/5"
          />
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <input
              type="file"
              name="fileValue"
              aria-label={`File ${index + 1}`}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={describedBy}
              required
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                // The server refuses it anyway; saying so before the upload saves a round trip.
                input.setCustomValidity(
                  file && file.size > maxBytes ? `This file is ${file.size} bytes; the console accepts up to ${maxBytes} bytes.` : "",
                );
                input.reportValidity();
              }}
              className={fileClass}
            />
            <RemoveRowButton label={`Remove file ${index + 1}`} onClick={() => remove(row.id)} disabled={rows.length === 1} />
          </div>
        </div>
      ))}
      <AddRowButton onClick={() => add({ key: "" })}>Add file</AddRowButton>
    </div>
  );
}
