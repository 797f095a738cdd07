import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

type Props = {
  /** What is counted, plural ("secrets"). */
  noun: string;
  total: number;
  /** 0-based position of the page's first row. */
  offset: number;
  /** The count stopped at `total` (lib/secrets COUNT_CAP): there are more. */
  totalCapped?: boolean;
  /** More than `offset` rows precede the page: its position is not known. */
  offsetCapped?: boolean;
  shown: number;
  prevHref: string | null;
  nextHref: string | null;
};

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800";
const offClass =
  "inline-flex items-center gap-1 rounded-md border border-zinc-200 px-3 py-1.5 text-sm font-medium text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

const number = new Intl.NumberFormat("en-US");

/** "1–100 of 14,000 secrets"; past the count's cap "1–100 of 10,000+", and deeper "100 after the first 10,000 of 10,000+". */
export function rangeText({ noun, total, offset, shown, totalCapped, offsetCapped }: Omit<Props, "prevHref" | "nextHref">): string {
  const of = `of ${number.format(total)}${totalCapped ? "+" : ""} ${noun}`;
  if (offsetCapped) return `${number.format(shown)} after the first ${number.format(offset)} ${of}`;
  const range = shown ? `${number.format(offset + 1)}–${number.format(offset + shown)}` : "0";
  return `${range} ${of}`;
}

/**
 * The range and Previous/Next as plain links (the cursor is in the URL), so
 * a page can be bookmarked, reloaded and reached by keyboard.
 */
export function ListPager({ prevHref, nextHref, ...counts }: Props) {
  const { noun } = counts;
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="page-range" aria-live="polite">
        {rangeText(counts)}
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
