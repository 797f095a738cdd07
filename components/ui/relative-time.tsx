"use client";

import { useEffect, useState } from "react";
import { humanDuration } from "@/packages/contracts/src/format/relative-time";
import { exactTime } from "./exact-time";

function relative(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  if (ms >= 0) return `${humanDuration(ms)} ago`;
  const ahead = humanDuration(-ms);
  return `in ${ahead.charAt(0).toLowerCase()}${ahead.slice(1)}`;
}

/**
 * Docker's wording ("3 minutes ago", "in 7 days") with the exact UTC time
 * on hover. The server's and the browser's clocks differ by a moment, so
 * the first render may differ from the server's text: that is expected.
 */
export function RelativeTime({ iso, className = "" }: { iso: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={exactTime(iso)} suppressHydrationWarning className={`whitespace-nowrap ${className}`}>
      {relative(iso, now)}
    </time>
  );
}
