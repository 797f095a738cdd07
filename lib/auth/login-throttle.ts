// Failed attempts are counted per key (an account, a client address, later
// a second factor) in the database, so every app node enforces the same
// lockout. An attempt is reserved before the slow check it
// guards, in one statement per key that counts it and locks the key when
// it reaches the limit: of any number of concurrent attempts exactly
// `limit` get through per window (a count read first and written after
// let 20 of 50 concurrent guesses through a limit of 5). A success then
// forgives or gives back its reservation.
import { config } from "../config/env";
import { db } from "../db/client";
import { SECOND_MS } from "../time";

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string | null) => `ip:${ip ?? "unknown"}`;

export type ThrottleKey = { key: string; limit: number };
export type ThrottleOptions = { windowSeconds: number; lockoutSeconds: number; now?: Date };

type Reserved = ThrottleKey & { windowStart: Date };
export type Reservation =
  | {
      allowed: true;
      keys: Reserved[];
      /** The keys this attempt locked (it used up their last try): a failure reports them. */
      locked: string[];
    }
  | { allowed: false; retryAfterSeconds: number };

/** The sign-in limits of COFFER_LOGIN_*: per account and per client address. */
export function signInThrottle(email: string | null, ip: string | null): { keys: ThrottleKey[]; options: ThrottleOptions } {
  const cfg = config();
  const keys = [
    ...(email ? [{ key: accountKey(email), limit: cfg.COFFER_LOGIN_MAX_FAILURES }] : []),
    { key: ipKey(ip), limit: cfg.COFFER_LOGIN_IP_MAX_FAILURES },
  ];
  return { keys, options: { windowSeconds: cfg.COFFER_LOGIN_WINDOW_SECONDS, lockoutSeconds: cfg.COFFER_LOGIN_LOCKOUT_SECONDS } };
}

/**
 * Counts one attempt against every key, in order, before it is checked.
 * Refused when any key is locked; the keys already counted are then given
 * back, so a refused attempt costs no other key a try.
 */
export async function reserveAttempt(keys: ThrottleKey[], options: ThrottleOptions): Promise<Reservation> {
  const now = options.now ?? new Date();
  const reserved: Reserved[] = [];
  const locked: string[] = [];
  for (const key of keys) {
    const result = await reserveKey(key, options, now);
    if (!result.allowed) {
      for (const done of reserved) await giveBack(done);
      // `now` was read before the statement queued: the lock may be younger than it.
      const seconds = Math.ceil((result.lockedUntil.getTime() - now.getTime()) / SECOND_MS);
      return { allowed: false, retryAfterSeconds: Math.min(Math.max(1, seconds), options.lockoutSeconds) };
    }
    reserved.push({ ...key, windowStart: result.windowStart });
    if (result.lockedNow) locked.push(key.key);
  }
  return { allowed: true, keys: reserved, locked };
}

type KeyResult = { allowed: true; windowStart: Date; lockedNow: boolean } | { allowed: false; lockedUntil: Date };

// Row locks of INSERT … ON CONFLICT DO UPDATE order concurrent attempts;
// each sees the count the one before it left. A new count starts when the
// window or the lockout has passed. While locked the count stops one past
// the limit: it only has to say "refused", and cannot grow without bound.
async function reserveKey({ key, limit }: ThrottleKey, options: ThrottleOptions, now: Date): Promise<KeyResult> {
  const windowFloor = new Date(now.getTime() - options.windowSeconds * SECOND_MS);
  const lockUntil = new Date(now.getTime() + options.lockoutSeconds * SECOND_MS);
  const [row] = await db.$queryRaw<{ failures: number; windowStart: Date; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${limit} THEN ${lockUntil}::timestamptz END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN (t."lockedUntil" IS NULL AND t."windowStart" <= ${windowFloor}) OR t."lockedUntil" <= ${now}
        THEN 1 ELSE LEAST(t."failures" + 1, ${limit + 1}) END,
      "windowStart" = CASE WHEN (t."lockedUntil" IS NULL AND t."windowStart" <= ${windowFloor}) OR t."lockedUntil" <= ${now}
        THEN ${now} ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN (t."lockedUntil" IS NULL AND t."windowStart" <= ${windowFloor}) OR t."lockedUntil" <= ${now}
          THEN CASE WHEN 1 >= ${limit} THEN ${lockUntil}::timestamptz END
        WHEN t."lockedUntil" IS NOT NULL THEN t."lockedUntil"
        WHEN t."failures" + 1 >= ${limit} THEN ${lockUntil}::timestamptz
        END
    RETURNING "failures", "windowStart", "lockedUntil"`;
  if (!row) throw new Error(`login throttle row ${key} was not written`);
  if (row.failures > limit) return { allowed: false, lockedUntil: row.lockedUntil ?? lockUntil };
  return { allowed: true, windowStart: row.windowStart, lockedNow: row.failures === limit };
}

// Undoes one reservation of the same window: its try is handed back, and
// the lock it may have set goes with it.
async function giveBack({ key, limit, windowStart }: Reserved): Promise<void> {
  await db.$executeRaw`UPDATE "LoginThrottle" SET
      "failures" = GREATEST("failures" - 1, 0),
      "lockedUntil" = CASE WHEN "failures" - 1 < ${limit} THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key} AND "windowStart" = ${windowStart}`;
}

/**
 * The attempt succeeded: the keys in `forgive` start over (a right password
 * forgives the account's earlier failures); the others get their try back.
 */
export async function releaseAttempt(reservation: Extract<Reservation, { allowed: true }>, forgive: string[] = []): Promise<void> {
  for (const reserved of reservation.keys) {
    if (forgive.includes(reserved.key)) await db.loginThrottle.deleteMany({ where: { key: reserved.key } });
    else await giveBack(reserved);
  }
}

/** Those of `keys` locked now. */
export async function stillLocked(keys: string[], now = new Date()): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { key: true } });
  return keys.filter((key) => rows.some((row) => row.key === key));
}

/** Seconds until every given key is unlocked; 0 when none is locked. A read: it counts nothing. */
export async function lockedFor(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / SECOND_MS) : 0;
}
