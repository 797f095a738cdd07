"use client";

import { FileUp, KeySquare, Sparkles } from "lucide-react";

export type DataMode = "text" | "file" | "generate";

const MODES: { value: DataMode; label: string; icon: typeof FileUp }[] = [
  { value: "text", label: "Text", icon: KeySquare },
  { value: "file", label: "File", icon: FileUp },
  { value: "generate", label: "Generate", icon: Sparkles },
];

/** A segmented control made of native radios: arrow keys move between modes. */
export function DataModePicker({ mode, onChange }: { mode: DataMode; onChange: (mode: DataMode) => void }) {
  return (
    <div className="inline-flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
      {MODES.map(({ value, label, icon: Icon }) => (
        <label
          key={value}
          className={`flex cursor-pointer items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 ${
            mode === value
              ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-white"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
          }`}
        >
          <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => onChange(value)} className="sr-only" />
          <Icon aria-hidden className="size-4" />
          {label}
        </label>
      ))}
    </div>
  );
}
