import { config } from "../config/env";

/** When a secret deleted at `deletedAt` is purged for good. */
export function purgeAfter(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + config().COFFER_RECOVERY_DAYS * 86_400_000);
}
