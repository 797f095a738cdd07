// A rotation interval as people write it ("90s", "15m", "12h", "30d") and
// as the policy stores it (whole seconds). Pure: the CLI's help, the
// console form and the API all read the same words.

const UNITS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/** PostgreSQL's int4 holds the seconds; 68 years is more than any rotation needs. */
export const MAX_INTERVAL_SECONDS = 2_147_483_647;
/** The job worker polls once a minute: a shorter interval could not be kept. */
export const MIN_INTERVAL_SECONDS = 60;

const INTERVAL = /^([1-9][0-9]{0,9})\s*([smhd])$/;

/** Seconds, or a message naming the problem; `every` is what the user wrote. */
export function parseInterval(every: string): number | string {
  const match = INTERVAL.exec(every.trim());
  if (!match) return `every must be a whole number followed by s, m, h or d (e.g. "30d"), not "${every.slice(0, 40)}"`;
  const seconds = Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
  if (seconds < MIN_INTERVAL_SECONDS) return "every must be at least 1 minute (60s)";
  if (seconds > MAX_INTERVAL_SECONDS) return "every must be at most 24855d";
  return seconds;
}

/** The largest unit that divides the seconds exactly: 2592000 → "30d", 90 → "90s". */
export function formatInterval(seconds: number): string {
  for (const unit of ["d", "h", "m"] as const) if (seconds % UNITS[unit] === 0) return `${seconds / UNITS[unit]}${unit}`;
  return `${seconds}s`;
}
