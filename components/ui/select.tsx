import type { SelectHTMLAttributes } from "react";

export const selectClass =
  "block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700";

/** A native select with the console's look (native: keyboard and screen readers for free). */
export function Select({ className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${selectClass} ${className}`} {...props} />;
}
