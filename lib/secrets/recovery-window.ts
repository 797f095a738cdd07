import { config } from "../config/env";
import { DAY_MS } from "../time";

/** When a secret deleted at `deletedAt` is purged for good. */
export function purgeAfter(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + config().COFFER_RECOVERY_DAYS * DAY_MS);
}
