// Plain table parts with the console's look; wrap in <TableFrame> so a
// wide table scrolls inside its card on small screens.
import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function TableFrame({ className = "", ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={`overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800 ${className}`}
      {...props}
    />
  );
}

export function Table({ className = "", ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={`min-w-full text-left text-sm ${className}`} {...props} />;
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <thead
      className="border-b border-zinc-200 bg-zinc-50 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400"
      {...props}
    />
  );
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800" {...props} />;
}

export function Tr({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`hover:bg-zinc-50/60 dark:hover:bg-zinc-800/40 ${className}`} {...props} />;
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`whitespace-nowrap px-3 py-2.5 first:pl-4 last:pr-4 ${className}`} {...props} />;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2.5 align-middle text-zinc-700 first:pl-4 last:pr-4 dark:text-zinc-300 ${className}`} {...props} />;
}
