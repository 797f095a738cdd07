"use client";

import { TriangleAlert } from "lucide-react";
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const noSubscribe = () => () => {};

/** The console's own origin as the browser sees it (the server cannot know what a proxy in front renamed). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
}

/**
 * A one-time link (invite, password reset) right after it was made: the
 * token exists in the clear only in this answer, so it is shown once, with
 * a copy button and a warning to that effect.
 */
export function OneTimeLink({
  path,
  title,
  testId,
  children,
}: {
  path: string;
  title: string;
  testId: string;
  children?: React.ReactNode;
}) {
  const origin = useOrigin();
  const url = origin ? new URL(path, origin).toString() : path;
  return (
    <div
      className="space-y-2 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200 dark:bg-emerald-950/50 dark:ring-emerald-900"
      role="status"
    >
      <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-100">{title}</p>
      <div className="flex items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-zinc-900 ring-1 ring-emerald-200 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-emerald-900"
        >
          {url}
        </code>
        <CopyButton text={url} label="Copy link" />
      </div>
      <p className="flex items-start gap-1.5 text-xs text-emerald-800 dark:text-emerald-200">
        <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
        <span>Shown once: copy it now and pass it on privately. Coffer keeps only its hash, so it cannot show this link again.</span>
      </p>
      {children}
    </div>
  );
}
