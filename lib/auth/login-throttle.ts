// Failed sign-ins are counted per account and per client address in the
// database, so every app node enforces the same lockout (DESIGN 1, 6).
import { config } from "../config/env";
import type { Tx } from "../db/client";

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string | null) => `ip:${ip ?? "unknown"}`;

/** Seconds until every given key is unlocked; 0 when none is locked. */
export async function lockedFor(tx: Tx, keys: string[], now = new Date()): Promise<number> {
  const rows = await tx.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure against each key. Returns the keys that this failure
 * locked, so the caller can record the lockout once.
 */
export async function registerFailure(
  tx: Tx,
  keys: { account: string; ip: string },
  now = new Date(),
): Promise<string[]> {
  const cfg = config();
  const limits: [string, number][] = [
    [keys.account, cfg.COFFER_LOGIN_MAX_FAILURES],
    [keys.ip, cfg.COFFER_LOGIN_IP_MAX_FAILURES],
  ];
  const windowStart = new Date(now.getTime() - cfg.COFFER_LOGIN_WINDOW_SECONDS * 1000);
  const locked: string[] = [];
  for (const [key, limit] of limits) {
    // Lock the row (or create it) so concurrent failures all count.
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "windowStart")
      VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; windowStart: Date; lockedUntil: Date | null }[]>`
      SELECT "failures", "windowStart", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
    if (!row) throw new Error(`login throttle row ${key} vanished`);
    const expired = row.windowStart < windowStart || (row.lockedUntil !== null && row.lockedUntil <= now);
    const failures = expired ? 1 : row.failures + 1;
    const lockNow = failures >= limit;
    await tx.loginThrottle.update({
      where: { key },
      data: {
        failures: lockNow ? 0 : failures,
        windowStart: expired ? now : row.windowStart,
        lockedUntil: lockNow ? new Date(now.getTime() + cfg.COFFER_LOGIN_LOCKOUT_SECONDS * 1000) : expired ? null : row.lockedUntil,
      },
    });
    if (lockNow) locked.push(key);
  }
  return locked;
}

/** A successful sign-in forgives the account's earlier failures. */
export async function clearAccount(tx: Tx, key: string) {
  await tx.loginThrottle.deleteMany({ where: { key } });
}
