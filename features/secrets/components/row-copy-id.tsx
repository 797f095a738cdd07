"use client";

// The secret table's copy-ID button, without a look of its own (the table
// sets it once) and with its icon drawn from the table's <symbol>s: the
// console's CopyButton is ~900 bytes of markup, times 100 rows (issue 17).
import { useCopy } from "@/components/ui/use-copy";

export const COPY_ICON = "secret-table-copy";
export const COPIED_ICON = "secret-table-copied";

/** Copies a secret's ID (never a value). */
export function RowCopyId({ id, name }: { id: string; name: string }) {
  const { copied, copy } = useCopy(id);
  const label = copied ? "Copied" : `Copy ID of ${name}`;
  return (
    <>
      <button type="button" aria-label={label} title={label} data-copied={copied || undefined} onClick={copy}>
        <svg aria-hidden>
          <use href={`#${copied ? COPIED_ICON : COPY_ICON}`} />
        </svg>
      </button>
      <span role="status" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </>
  );
}
