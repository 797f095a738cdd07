"use client";

import { Button } from "@/components/ui/button";

// For every console section: anything lib did not turn into a 4xx gets a
// plain message and the digest that finds the log line, never the error's
// text (it could name internals).
export default function ConsoleError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <h1 className="text-lg font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        The server could not complete this request.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button type="button" variant="secondary" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
