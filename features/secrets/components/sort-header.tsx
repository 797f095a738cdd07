import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { Th } from "@/components/ui/table";
import type { Sort, SortKey } from "./secret-sort";

/** A column header that sorts by its column through the URL; a second click flips the order. */
export function SortHeader({ label, column, sort, href }: { label: string; column: SortKey; sort: Sort; href: (sort: Sort) => string }) {
  const active = sort.key === column;
  const next: Sort = { key: column, dir: active && sort.dir === "asc" ? "desc" : "asc" };
  const Icon = !active ? ChevronsUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={href(next)}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
        aria-label={`Sort by ${label.toLowerCase()}, ${next.dir === "asc" ? "ascending" : "descending"}`}
      >
        {label}
        <Icon aria-hidden className={`size-3.5 ${active ? "text-indigo-600 dark:text-indigo-400" : "text-zinc-400"}`} />
      </Link>
    </Th>
  );
}
