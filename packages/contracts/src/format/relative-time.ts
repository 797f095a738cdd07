// docker's units.HumanDuration, word for word, so `CREATED` reads the same
// as in `docker secret ls`: "About a minute ago", "2 hours ago", "3 days ago".
// The console words the same distances in lower case, inside sentences
// ("Checked about a minute ago"): relativeTime below.

export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  // docker rounds hours (so 90 minutes is "2 hours") but truncates the rest.
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(ms / 3_600_000 / 24 / 365)} years`;
}

/** "3 minutes ago" for an ISO time; a clock running behind the server's gives "Less than a second ago". */
export function timeAgo(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  return `${humanDuration(now.getTime() - then)} ago`;
}

/** Go's time.Time String() in UTC, as `docker secret inspect --pretty` prints it (to the millisecond). */
export function absoluteTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().replace("T", " ").replace("Z", "")} +0000 UTC`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export type RelativeTimeOptions = {
  /**
   * The time may lie ahead (an expiry, a next run): "in 3 days". Without it
   * the time is something that happened (created, rotated, checked), so one
   * ahead of this clock is the server's clock running ahead: "just now".
   */
  future?: boolean;
};

/**
 * The console's relative time, lower case so it reads inside a sentence:
 * "just now", "5 seconds ago", "about a minute ago", "in 3 days". A past
 * event never reads "in N seconds", however far the browser's clock is
 * behind the server's; an unparseable time is shown as given.
 */
export function relativeTime(iso: string, now: number, { future = false }: RelativeTimeOptions = {}): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const ago = now - then;
  if (ago >= SECOND) return `${lower(humanDuration(ago))} ago`;
  if (!future || -ago < SECOND) return "just now";
  return `in ${lower(humanDuration(-ago))}`;
}

/** How long until relativeTime's text for `iso` can next change: every second below a minute, then less often. */
export function refreshDelay(iso: string, now: number): number {
  const distance = Math.abs(now - Date.parse(iso));
  if (Number.isNaN(distance)) return HOUR;
  if (distance < 2 * MINUTE) return SECOND;
  if (distance < 2 * HOUR) return 15 * SECOND;
  if (distance < 48 * HOUR) return 5 * MINUTE;
  return HOUR;
}
