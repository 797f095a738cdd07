"use client";

import { useClearOnEdit } from "./use-clear-on-edit";

/**
 * A field group's error, tied to it by id for screen readers; it hides once
 * the field it describes is edited (an input whose aria-describedby names
 * this id, or one beside it in the same group).
 */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: React.ReactNode }) {
  const { ref, error: shown } = useClearOnEdit<HTMLParagraphElement>(error, id, { messageIsRef: true });
  if (shown) {
    return (
      <p ref={ref} id={id} className="text-sm text-red-600 dark:text-red-400">
        {shown}
      </p>
    );
  }
  return hint ? (
    <p ref={ref} id={id} className="text-xs text-zinc-500 dark:text-zinc-400">
      {hint}
    </p>
  ) : null;
}
