// Rejected bearer tokens: every 401 is counted, but
// only the first of each key in a window reaches the audit chain; the rest
// of that window follows as one summary event. A key is the token path,
// the source address, the reason and the first characters of what was
// presented, so an unauthenticated flood cannot write the chain at will
// and cannot queue the whole instance on the chain's lock either: all but
// the first rejection of a key are one atomic upsert, no audit lock.
// No `server-only`: the flush runs in the job worker (instrumentation.ts).
import { anonymousActor, type RequestContext } from "../auth/actor";
import { config } from "../config/env";
import { db, type Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { SECOND_MS } from "../time";
import type { AuditAction } from "./actions";
import { recordAudit, type AuditInput } from "./record-audit";

export type RejectionKind = "personal" | "service" | "integration" | "signin";

// A sign-in refused during a lockout is a rejection too: one event per
// request would let a locked-out flood write the chain at will.
const ACTIONS: Record<RejectionKind, AuditAction> = {
  personal: "auth.token_rejected",
  service: "servicetoken.rejected",
  integration: "integration.rejected",
  signin: "auth.login_failed",
};

/** Length of one counting window; summaries follow within about a minute of its end. */
export function rejectionWindowMs(): number {
  return config().COFFER_AUTH_FAILURE_WINDOW_SECONDS * SECOND_MS;
}

// Characters of the presented token kept: the type prefix and a few random
// ones, enough to tell tokens apart, far too few to help guess one.
const PREFIX_LENGTH = 8;
// Reasons whose prefix the caller invents. Past this many distinct keys per
// source and window they share one key, or random tokens would each get
// an event; a real token's rejections (revoked, expired…) are never folded.
const INVENTED_REASONS = new Set(["missing", "malformed", "unknown", "locked"]);
const MAX_INVENTED_KEYS_PER_SOURCE = 20;
export const OVERFLOW_PREFIX = "other";

/** What of a presented token may be stored: its first characters, or "none" / "malformed". */
export function credentialPrefix(token: string | null): string {
  if (!token) return "none";
  return /^[A-Za-z0-9_-]+$/.test(token) ? token.slice(0, PREFIX_LENGTH) : "malformed";
}

/** The source part of a key; bounded, since behind a trusted proxy the address is a header's text. */
export function sourceKey(ip: string | null): string {
  return ip ? ip.slice(0, 64) : "unknown";
}

export function windowStartOf(now: Date): Date {
  const length = rejectionWindowMs();
  return new Date(Math.floor(now.getTime() / length) * length);
}

export type CredentialRejection = {
  kind: RejectionKind;
  reason: string;
  /** The presented token: only its prefix is kept. */
  token: string | null;
  /** What to key on instead of a token's prefix (a sign-in's email). */
  prefix?: string;
  context: RequestContext;
  /** Who the token belongs to, when it is a real one. */
  label?: string | null;
  resource?: AuditInput["resource"];
  namespace?: string | null;
  details?: Record<string, string>;
};

type Key = { kind: string; ip: string; windowStart: Date; reason: string; prefix: string };
type Row = Key & { count: number; reported: number };

/** Counts one rejection; the first of its key in this window appends an audit event. */
export async function recordCredentialRejection(rejection: CredentialRejection, now = new Date()): Promise<void> {
  const key = { kind: rejection.kind, ip: sourceKey(rejection.context.ip), windowStart: windowStartOf(now), reason: rejection.reason };
  const prefix = rejection.prefix?.slice(0, 64) ?? credentialPrefix(rejection.token);
  const storedPrefix = INVENTED_REASONS.has(rejection.reason)
    ? Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "CredentialRejection" WHERE "kind" = ${key.kind} AND "ip" = ${key.ip}
          AND "windowStart" = ${key.windowStart} AND "reason" = ${key.reason} AND "prefix" = ${prefix})
        OR (SELECT count(*) FROM "CredentialRejection" WHERE "kind" = ${key.kind} AND "ip" = ${key.ip}
          AND "windowStart" = ${key.windowStart}) < ${MAX_INVENTED_KEYS_PER_SOURCE}
        THEN ${prefix} ELSE ${OVERFLOW_PREFIX} END`
    : Prisma.sql`${prefix}`;
  const [counted] = await db.$queryRaw<{ prefix: string; count: number }[]>`
    INSERT INTO "CredentialRejection" AS r ("kind", "ip", "windowStart", "reason", "prefix", "count", "reported")
    SELECT ${key.kind}::text, ${key.ip}::text, ${key.windowStart}::timestamptz, ${key.reason}::text, (${storedPrefix})::text, 1, 0
    ON CONFLICT ("kind", "ip", "windowStart", "reason", "prefix") DO UPDATE SET "count" = r."count" + 1
    RETURNING "prefix", "count"`;
  if (counted?.count !== 1) return;
  const row = { ...key, prefix: counted.prefix };

  await db.$transaction(async (tx) => {
    // Claimed under the row's lock: if a flush already summarised this
    // rejection (its node's clock past the window), it is not told twice.
    const claimed = await tx.$executeRaw`UPDATE "CredentialRejection" SET "reported" = "reported" + 1
      WHERE ${whereKey(row)} AND "reported" < "count"`;
    if (!claimed) return;
    // The first rejection of a new window reports what the last one left.
    await summarise(tx, await lockUnreported(tx, windowStartOf(now), row));
    await recordAudit(tx, anonymousActor(rejection.context, rejection.label ?? null), {
      action: ACTIONS[rejection.kind],
      outcome: "denied",
      resource: rejection.resource,
      namespace: rejection.namespace ?? null,
      details: { reason: row.reason, prefix: row.prefix, count: 1, windowStart: row.windowStart.toISOString(), ...rejection.details },
    });
  });
}

function whereKey(key: Key) {
  return Prisma.sql`"kind" = ${key.kind} AND "ip" = ${key.ip} AND "windowStart" = ${key.windowStart}
    AND "reason" = ${key.reason} AND "prefix" = ${key.prefix}`;
}

// Rows of ended windows, locked; rows another flush holds are left to it.
async function lockUnreported(tx: Tx, current: Date, key?: Omit<Key, "windowStart">, limit = 500): Promise<Row[]> {
  const sameKey = key
    ? Prisma.sql`AND "kind" = ${key.kind} AND "ip" = ${key.ip} AND "reason" = ${key.reason} AND "prefix" = ${key.prefix}`
    : Prisma.empty;
  return tx.$queryRaw<Row[]>`SELECT "kind", "ip", "windowStart", "reason", "prefix", "count", "reported"
    FROM "CredentialRejection" WHERE "windowStart" < ${current} ${sameKey}
    ORDER BY "windowStart" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

async function summarise(tx: Tx, rows: Row[]): Promise<void> {
  for (const row of rows) {
    if (row.count <= row.reported) continue;
    const context = { ip: row.ip === "unknown" ? null : row.ip, userAgent: null, requestId: null };
    await recordAudit(tx, anonymousActor(context), {
      action: ACTIONS[row.kind as RejectionKind] ?? ACTIONS.personal,
      outcome: "denied",
      details: {
        reason: row.reason,
        prefix: row.prefix,
        count: row.count - row.reported,
        windowStart: row.windowStart.toISOString(),
        summary: true,
      },
    });
    await tx.$executeRaw`UPDATE "CredentialRejection" SET "reported" = "count" WHERE ${whereKey(row)}`;
  }
}

/**
 * Summarises the unreported rejections of ended windows and drops their
 * rows; returns how many rows it handled (at most `limit`).
 */
export async function flushCredentialRejections(tx: Tx, now = new Date(), limit = 500): Promise<number> {
  const rows = await lockUnreported(tx, windowStartOf(now), undefined, limit);
  await summarise(tx, rows);
  for (const row of rows) await tx.$executeRaw`DELETE FROM "CredentialRejection" WHERE ${whereKey(row)}`;
  return rows.length;
}

/** Whether an ended window still has rows to summarise or drop. */
export async function credentialRejectionsDue(now = new Date()): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "CredentialRejection" WHERE "windowStart" < ${windowStartOf(now)} LIMIT 1`;
  return rows.length > 0;
}
