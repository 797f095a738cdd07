"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { countNewEventsAction } from "@/features/audit/actions";

const POLL_MS = 5_000;

/**
 * "N new events": asks the server every 5 s how many events matching the
 * page's filters arrived after the newest one it showed; the button reloads
 * the first page. Remount it (key) when the page's newest event changes.
 */
export function NewEventsIndicator({ filters, newestSeq }: { filters: Record<string, string>; newestSeq: string }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [pending, startTransition] = useTransition();
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    let stopped = false;
    const asked = JSON.parse(filterKey) as Record<string, string>;
    const timer = setInterval(() => {
      // A background tab does not need to know.
      if (document.hidden) return;
      void countNewEventsAction(asked, newestSeq).then((n) => {
        if (!stopped) setCount(n);
      });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [filterKey, newestSeq]);

  return (
    <div aria-live="polite" className="min-h-9">
      {count > 0 ? (
        <button
          type="button"
          data-testid="new-events"
          disabled={pending}
          onClick={() => startTransition(() => router.refresh())}
          className="inline-flex items-center gap-2 rounded-full bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-70 dark:bg-indigo-500 dark:hover:bg-indigo-400"
        >
          <RefreshCw aria-hidden className={`size-4 ${pending ? "animate-spin" : ""}`} />
          {count >= 100 ? "100+ new events" : `${count} new ${count === 1 ? "event" : "events"}`}
          <span className="sr-only">: show them</span>
        </button>
      ) : null}
    </div>
  );
}
