// When a secret's expiresAt starts to warrant a warning. Pure: the console's
// list and page and the daily job (expiry-warning-job.ts) agree on it.
import { DAY_MS } from "../time";

export const EXPIRY_WARNING_DAYS = 7;

/** Whole days left (0 on the last day, negative once past), or null when it does not warrant a warning yet. */
export function expiryWarning(expiresAt: Date | string | null, now = new Date()): number | null {
  if (!expiresAt) return null;
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (left > EXPIRY_WARNING_DAYS * DAY_MS) return null;
  return Math.floor(left / DAY_MS);
}

export function expiryText(days: number): string {
  if (days < 0) return `expired ${-days === 1 ? "1 day" : `${-days} days`} ago`;
  if (days === 0) return "expires today";
  return `expires in ${days === 1 ? "1 day" : `${days} days`}`;
}
