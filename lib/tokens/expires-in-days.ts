// A token's lifetime as every API that makes one takes it: whole days, up to
// ten years, null for never. Service tokens, integrations and access tokens
// share it, so a console form's choices mean the same everywhere, and turn
// it into an expiry date the same way.
import { z } from "zod";
import { DAY_MS } from "../time";

/** `expiresInDays`, `defaultDays` when left out. */
export function expiresInDaysSchema(defaultDays: number) {
  return z
    .number({ error: "expiresInDays must be a number" })
    .int("expiresInDays must be a whole number")
    .min(1, "expiresInDays must be at least 1")
    .max(3650, "expiresInDays must be at most 3650")
    .nullable()
    .default(defaultDays);
}

/** When a token made at `now` with that lifetime expires; null for never. */
export function expiresAtAfter(expiresInDays: number | null, now: Date = new Date()): Date | null {
  return expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null;
}
