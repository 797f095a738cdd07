"use client";

import { useId, useState } from "react";
import { inputClass } from "./input";

/**
 * A destructive action confirmed by typing the resource's name exactly
 * (GitHub's pattern): `children` gets whether the text matches and should
 * enable its button only then.
 */
export function ConfirmByTyping({
  expected,
  name = "confirm",
  children,
}: {
  expected: string;
  name?: string;
  children: (matches: boolean) => React.ReactNode;
}) {
  const [typed, setTyped] = useState("");
  const id = useId();
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Type{" "}
          <span className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
            {expected}
          </span>{" "}
          to confirm
        </label>
        <input
          id={id}
          name={name}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
        />
      </div>
      {children(typed === expected)}
    </div>
  );
}
