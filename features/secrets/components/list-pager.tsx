import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

type Props = {
  /** What is counted, plural ("secrets"). */
  noun: string;
  total: number;
  /** 0-based position of the page's first row. */
  offset: number;
  shown: number;
  prevHref: string | null;
  nextHref: string | null;
};

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800";
const offClass =
  "inline-flex items-center gap-1 rounded-md border border-zinc-200 px-3 py-1.5 text-sm font-medium text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

/**
 * "1–100 of 14,000" and Previous/Next as plain links (the cursor is in the
 * URL), so a page can be bookmarked, reloaded and reached by keyboard.
 */
export function ListPager({ noun, total, offset, shown, prevHref, nextHref }: Props) {
  const number = new Intl.NumberFormat("en-US");
  const range = shown ? `${number.format(offset + 1)}–${number.format(offset + shown)}` : "0";
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="page-range" aria-live="polite">
        {range} of {number.format(total)} {noun}
      </p>
      <div className="flex items-center gap-2">
        {prevHref ? (
          <Link href={prevHref} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden className="size-4" />
            Previous
          </Link>
        ) : (
          <span className={offClass} aria-disabled="true">
            <ChevronLeft aria-hidden className="size-4" />
            Previous
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} className={linkClass} rel="next">
            Next
            <ChevronRight aria-hidden className="size-4" />
          </Link>
        ) : (
          <span className={offClass} aria-disabled="true">
            Next
            <ChevronRight aria-hidden className="size-4" />
          </span>
        )}
      </div>
    </nav>
  );
}
