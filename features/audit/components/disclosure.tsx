"use client";

import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";

/**
 * The WAI-ARIA disclosure pattern: a real button with aria-expanded, so a
 * screen reader announces it as one and says whether it is open (a
 * <summary> has no role of its own in every browser).
 */
export function Disclosure({
  label,
  hint,
  children,
  className = "",
}: {
  label: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={className}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-1.5 rounded text-left text-sm font-semibold text-zinc-900 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
      >
        <ChevronRight aria-hidden className={`size-4 shrink-0 text-zinc-400 transition-transform ${open ? "rotate-90" : ""}`} />
        {label}
      </button>
      {hint ? <div className="mt-0.5 pl-5.5 text-xs text-zinc-500 dark:text-zinc-400">{hint}</div> : null}
      <div id={id} hidden={!open} className="mt-2">
        {children}
      </div>
    </div>
  );
}
