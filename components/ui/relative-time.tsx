"use client";

import { useEffect, useState } from "react";
import { exactTime } from "@/packages/contracts/src/format/exact-time";
import { refreshDelay, relativeTime } from "@/packages/contracts/src/format/relative-time";

type Props = {
  iso: string;
  /**
   * The time may lie ahead (an expiry, a next run, a purge date): it reads
   * "in 3 days". Leave it off for something that happened: a time ahead of
   * the browser's clock then reads "just now", never "in 13 seconds".
   */
  future?: boolean;
  className?: string;
};

/**
 * "5 seconds ago", "in 3 days": the console's one relative time, which keeps
 * itself current (every second below a minute, then less often), with the
 * exact UTC time on hover and in `dateTime`. The server's and the browser's
 * clocks differ by a moment, so the browser's first text may differ from
 * the server's: that is expected.
 */
export function RelativeTime({ iso, future = false, className = "" }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), refreshDelay(iso, now));
    return () => clearTimeout(timer);
  }, [iso, now]);
  return (
    <time dateTime={iso} title={exactTime(iso)} suppressHydrationWarning className={`whitespace-nowrap ${className}`}>
      {relativeTime(iso, now, { future })}
    </time>
  );
}
