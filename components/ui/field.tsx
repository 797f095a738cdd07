"use client";

import type { InputHTMLAttributes } from "react";
import { useClearOnEdit } from "@/components/forms/use-clear-on-edit";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

/**
 * A labelled input whose error is announced and tied to it for screen
 * readers; the error hides as soon as the input is edited, until the next submit.
 */
export function Field({ label, name, error: serverError, hint, id = name, ...props }: Props) {
  const { ref, error } = useClearOnEdit<HTMLDivElement>(serverError, `${id}-error`);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div ref={ref} className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
