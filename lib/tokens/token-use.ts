// The two checks every bearer-token resolver makes on the row it found,
// whatever the token stands for (a user, a service's agent, an integration).
import { MINUTE_MS } from "../time";

/** Why a token row no longer works at `now`, or null while it does. */
export function lapsed(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): "revoked" | "expired" | null {
  if (row.revokedAt) return "revoked";
  return row.expiresAt && row.expiresAt <= now ? "expired" : null;
}

// lastUsedAt is written at most this often per token, so a busy client does
// not turn every read into a write.
const LAST_USED_PRECISION_MS = MINUTE_MS;

/** Whether a use at `now` should be written as the token's lastUsedAt. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > LAST_USED_PRECISION_MS;
}
