import { Download } from "lucide-react";

const link =
  "inline-flex items-center gap-1.5 rounded-md bg-white px-3 py-2 text-sm font-semibold text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800";

/**
 * Every event matching the filters, oldest first, streamed by the server
 * (audit:export; the export itself is audited). Plain links: a download is
 * not a client-side navigation.
 */
export function DownloadLinks({ filters }: { filters: Record<string, string> }) {
  const href = (format: "csv" | "jsonl") => `/audit/export?${new URLSearchParams({ format, ...filters })}`;
  return (
    <div role="group" aria-label="Download the filtered events" className="flex items-center gap-2">
      <a href={href("csv")} download className={link}>
        <Download aria-hidden className="size-4" />
        Download CSV
      </a>
      <a href={href("jsonl")} download className={link}>
        <Download aria-hidden className="size-4" />
        Download JSONL
      </a>
    </div>
  );
}
