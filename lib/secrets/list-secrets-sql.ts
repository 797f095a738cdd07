// The SQL of the secret list: filters, order and keyset conditions as
// Prisma.sql fragments (every value a bound parameter, every column and
// direction a constant below). Prisma's findMany cannot say `labels ? 'k'`
// nor `LIKE … ESCAPE`, and filtering in JavaScript meant loading every row.
// Indexes (migration 20261202191000_issue17_list_indexes): GIN on labels,
// (namespaceId, name text_pattern_ops) for the prefix, and the unique
// (namespaceId, name) for the name order.
import { Prisma } from "../generated/prisma/client";
import type { KeyPart, KeyValue } from "../db/keyset-cursor";

export type SecretFilters = { namePrefix?: string; labels: { key: string; value?: string }[]; stale?: boolean };

export const SECRET_SORTS = ["name", "created", "updated"] as const;
export type SecretSortKey = (typeof SECRET_SORTS)[number];
export type SecretSort = { key: SecretSortKey; dir: "asc" | "desc" };

/** `%`, `_` and `\` stand for themselves: `name=s4_` must not match `s40_…`. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, "\\$&")}%`;
}

/** Active when last read, or created if never read, before `staleBefore` (lib/secrets/secret-dto.ts isStale). */
const lastActivity = Prisma.sql`COALESCE((SELECT max(a."lastReadAt") FROM "SecretAccess" a WHERE a."secretId" = s."id"), s."createdAt")`;

export function secretWhere(namespaceId: string, filters: SecretFilters, staleBefore: Date): Prisma.Sql {
  const parts = [Prisma.sql`s."namespaceId" = ${namespaceId}`, Prisma.sql`s."deletedAt" IS NULL`];
  if (filters.namePrefix) parts.push(Prisma.sql`s."name" LIKE ${likePrefix(filters.namePrefix)} ESCAPE '\\'`);
  for (const { key, value } of filters.labels) {
    parts.push(
      value === undefined ? Prisma.sql`s."labels" ? ${key}` : Prisma.sql`s."labels" @> ${JSON.stringify({ [key]: value })}::jsonb`,
    );
  }
  if (filters.stale === true) parts.push(Prisma.sql`${lastActivity} < ${staleBefore.toISOString()}::timestamptz`);
  if (filters.stale === false) parts.push(Prisma.sql`${lastActivity} >= ${staleBefore.toISOString()}::timestamptz`);
  return Prisma.join(parts, " AND ");
}

/** The columns of each sort's key, name last (unique in a namespace, so the order is total). */
const KEY_COLUMNS: Record<SecretSortKey, { columns: Prisma.Sql; parts: readonly KeyPart[] }> = {
  name: { columns: Prisma.sql`s."name"`, parts: ["text"] },
  created: { columns: Prisma.sql`s."createdAt", s."name"`, parts: ["time", "text"] },
  updated: { columns: Prisma.sql`s."updatedAt", s."name"`, parts: ["time", "text"] },
};

const ORDER: Record<SecretSortKey, Record<"asc" | "desc", Prisma.Sql>> = {
  name: { asc: Prisma.sql`s."name" ASC`, desc: Prisma.sql`s."name" DESC` },
  created: { asc: Prisma.sql`s."createdAt" ASC, s."name" ASC`, desc: Prisma.sql`s."createdAt" DESC, s."name" DESC` },
  updated: { asc: Prisma.sql`s."updatedAt" ASC, s."name" ASC`, desc: Prisma.sql`s."updatedAt" DESC, s."name" DESC` },
};

export function sortTag({ key, dir }: SecretSort): string {
  return `secret:${key}:${dir}`;
}

export function keyParts(sort: SecretSort): readonly KeyPart[] {
  return KEY_COLUMNS[sort.key].parts;
}

export function orderBy(sort: SecretSort, reverse = false): Prisma.Sql {
  const dir = reverse ? (sort.dir === "asc" ? "desc" : "asc") : sort.dir;
  return ORDER[sort.key][dir];
}

function keyValues(sort: SecretSort, key: KeyValue[]): Prisma.Sql {
  const values = keyParts(sort).map((part, i) =>
    part === "time" ? Prisma.sql`${(key[i] as Date).toISOString()}::timestamptz` : Prisma.sql`${key[i]}`,
  );
  return Prisma.join(values, ", ");
}

/** Rows after `key` in the sort's order (`before`: rows preceding it). A row comparison, so one index range. */
export function keyCondition(sort: SecretSort, key: KeyValue[], before = false): Prisma.Sql {
  const forward = (sort.dir === "asc") !== before;
  const { columns } = KEY_COLUMNS[sort.key];
  return forward ? Prisma.sql`(${columns}) > (${keyValues(sort, key)})` : Prisma.sql`(${columns}) < (${keyValues(sort, key)})`;
}

/** The sort key of a row as the keyset query returns it. */
export type KeyRow = { id: string; name: string; createdAt: Date; updatedAt: Date };

/**
 * The page query's columns: a summary's, with the newest version's keys and
 * the latest read joined per row. LATERAL under the LIMIT runs them for the
 * page's rows only, so one round trip answers the page (the Prisma include
 * it replaces was four queries and a result object per relation).
 */
export const SUMMARY_COLUMNS = Prisma.sql`s."id", s."name", s."type", s."labels", s."immutable", s."currentVersion",
  s."createdAt", s."updatedAt", s."expiresAt", v."keys", v."sizeBytes", a."lastReadAt"`;

export const SUMMARY_JOINS = Prisma.sql`
  LEFT JOIN LATERAL (SELECT sv."keys", sv."sizeBytes" FROM "SecretVersion" sv
    WHERE sv."secretId" = s."id" ORDER BY sv."version" DESC LIMIT 1) v ON TRUE
  LEFT JOIN LATERAL (SELECT max(sa."lastReadAt") AS "lastReadAt" FROM "SecretAccess" sa
    WHERE sa."secretId" = s."id") a ON TRUE`;

export type SummaryRow = KeyRow & {
  type: string;
  labels: unknown;
  immutable: boolean;
  currentVersion: number;
  expiresAt: Date | null;
  keys: unknown;
  sizeBytes: number | null;
  lastReadAt: Date | null;
};

/**
 * Counting stops here: past it the console says "10,000+". An exact count
 * of 100,000 rows was a full scan on every page (43 ms); a capped one reads
 * at most this many index entries or rows.
 */
export const COUNT_CAP = 10_000;

/** A count of the rows matching `where` that stops at COUNT_CAP + 1 (so "more than the cap" is known). */
export function cappedCount(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Secret" s WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped)`;
}

/** A capped count as the page says it: the number up to the cap, and whether there were more. */
export function capped(count: number): { count: number; capped: boolean } {
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

export function rowKey(sort: SecretSort, row: KeyRow): KeyValue[] {
  if (sort.key === "name") return [row.name];
  return [sort.key === "created" ? row.createdAt : row.updatedAt, row.name];
}
