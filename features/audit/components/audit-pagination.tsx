import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { auditHref, firstPage, type AuditQuery } from "./audit-query";

const enabled =
  "inline-flex items-center gap-1 rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800";
const disabled =
  "inline-flex cursor-not-allowed items-center gap-1 rounded-md px-3 py-1.5 text-sm font-semibold text-zinc-400 ring-1 ring-inset ring-zinc-200 dark:text-zinc-600 dark:ring-zinc-800";

/**
 * Keyset paging: "Older" continues below the last event shown (its sequence
 * id is the cursor), "Newest" goes back to the top. No page numbers: at
 * millions of rows an offset would cost what the rows before it cost.
 */
export function AuditPagination({ query, nextCursor }: { query: AuditQuery; nextCursor: string | null }) {
  const paged = Boolean(query.cursor);
  if (!paged && !nextCursor) return null;
  return (
    <nav aria-label="Audit pages" className="flex items-center justify-between gap-3">
      {paged ? (
        <Link href={auditHref(firstPage(query))} className={enabled}>
          <ChevronLeft aria-hidden className="size-4" />
          Newest
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <ChevronLeft aria-hidden className="size-4" />
          Newest
        </span>
      )}
      {nextCursor ? (
        <Link href={auditHref({ ...query, cursor: nextCursor })} className={enabled}>
          Older
          <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Older
          <ChevronRight aria-hidden className="size-4" />
        </span>
      )}
    </nav>
  );
}
