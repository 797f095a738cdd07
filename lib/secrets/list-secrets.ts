import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { config } from "../config/env";
import type { Tx } from "../db/client";
import { decodeCursor, encodeCursor, pageOf, parsePageQuery, type PageQuery } from "../db/keyset-cursor";
import { Prisma } from "../generated/prisma/client";
import { BadRequest } from "../errors";
import { textProblem } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { DAY_MS } from "../time";
import { findNamespaceOrThrow } from "./find-secret";
import {
  capped,
  cappedCount,
  keyCondition,
  keyParts,
  orderBy,
  rowKey,
  secretWhere,
  sortTag,
  SUMMARY_COLUMNS,
  SUMMARY_JOINS,
  type SecretFilters,
  type SecretSort,
  type SummaryRow,
} from "./list-secrets-sql";
import type { KeyInfo } from "../../packages/contracts/src/secrets/secret-dto";
import { isStale, type SecretSummary } from "./secret-dto";

export type { SecretFilters, SecretSort } from "./list-secrets-sql";

/** Docker's `--filter name=db` (prefix) and `--filter label=env` / `label=env=prod`. */
export function parseSecretFilters(filters: string[]): SecretFilters {
  const parsed: SecretFilters = { labels: [] };
  for (const filter of filters) {
    const problem = textProblem(filter);
    if (problem) throw new BadRequest(`filter ${problem}`, { field: "filter" });
    const [kind, ...rest] = filter.split("=");
    const value = rest.join("=");
    if (kind === "name" && value) parsed.namePrefix = value;
    else if (kind === "stale" && (value === "true" || value === "false")) parsed.stale = value === "true";
    else if (kind === "label" && rest[0]) {
      parsed.labels.push(rest.length > 1 ? { key: rest[0], value: rest.slice(1).join("=") } : { key: rest[0] });
    } else
      throw new BadRequest(`filter '${filter}' must be name=PREFIX, label=KEY, label=KEY=VALUE or stale=true|false`, { field: "filter" });
  }
  return parsed;
}

export type SecretPageQuery = PageQuery & {
  sort?: SecretSort;
  /** The console's Previous: the page that ends just before this cursor (a cursor of the same sort). */
  before?: string;
  /** Also count the matching secrets, and how many come before this page (the console's "1–100 of 14,000"). */
  count?: boolean;
};

export type SecretPage = {
  secrets: SecretSummary[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
  /** The `before` cursor of the previous page; null on the first. */
  prevCursor: string | null;
  /**
   * With `count`: the matching secrets, and the position of this page's
   * first row (0-based), each counted up to COUNT_CAP; `totalCapped` /
   * `offsetCapped` say there were more (the console's "of 10,000+").
   */
  total?: number;
  offset?: number;
  totalCapped?: boolean;
  offsetCapped?: boolean;
};

const NAME_ORDER: SecretSort = { key: "name", dir: "asc" };

/**
 * One page of a namespace's secrets, keyset-paginated in SQL: the filters
 * and `(sort key) > (cursor)` select ids by index, then the page's
 * summaries are read by id. Page 140 costs what page 1 costs.
 */
export async function listSecretsPage(
  actor: Actor,
  namespace: string,
  filters: SecretFilters = { labels: [] },
  query: SecretPageQuery = {},
): Promise<SecretPage> {
  const { limit, cursor } = parsePageQuery(query);
  const sort = query.sort ?? NAME_ORDER;
  const after = cursor ? decodeCursor(cursor, sortTag(sort), keyParts(sort)) : undefined;
  const before = query.before ? decodeCursor(query.before, sortTag(sort), keyParts(sort)) : undefined;
  return auditedRead(actor, "secret.list", async (tx) => {
    await authorize(tx, actor, "secret:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const where = secretWhere(ns.id, filters, staleBefore());
    const backwards = Boolean(before) && !after;
    const bound = backwards ? keyCondition(sort, before!, true) : after ? keyCondition(sort, after) : Prisma.sql`TRUE`;
    // Going forward, the count needs nothing from the page (its position is the
    // rows up to the cursor), so both queries run at once; a Previous page's
    // position waits for its first row.
    const [found, forwardCount] = await Promise.all([
      tx.$queryRaw<SummaryRow[]>`
        SELECT ${SUMMARY_COLUMNS} FROM "Secret" s ${SUMMARY_JOINS}
        WHERE ${where} AND ${bound}
        ORDER BY ${orderBy(sort, backwards)} LIMIT ${limit + 1}`,
      query.count && !backwards ? countOf(tx, where, after && Prisma.sql`NOT (${keyCondition(sort, after)})`) : undefined,
    ]);
    const { rows, more } = pageOf(found, limit);
    if (backwards) rows.reverse();
    const first = rows[0];
    const last = rows.at(-1);
    const page: SecretPage = {
      secrets: rows.map((row) => summaryOf(row, ns.name)),
      nextCursor: last && (backwards || more) ? encodeCursor(sortTag(sort), rowKey(sort, last)) : null,
      prevCursor: first && (backwards ? more : Boolean(after)) ? encodeCursor(sortTag(sort), rowKey(sort, first)) : null,
    };
    if (forwardCount) Object.assign(page, forwardCount);
    else if (query.count) Object.assign(page, await countOf(tx, where, first && keyCondition(sort, rowKey(sort, first), true)));
    return page;
  });
}

/**
 * Every secret of a namespace (the service page's binding picker): the
 * paged query in a loop, so no single query holds the whole namespace.
 */
export async function listSecrets(actor: Actor, namespace: string, filters: SecretFilters = { labels: [] }): Promise<SecretSummary[]> {
  const all: SecretSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSecretsPage(actor, namespace, filters, { limit: 1000, cursor });
    all.push(...page.secrets);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Every name in a namespace, for clients that do not page (Vault's LIST): one names-only query. */
export async function listSecretNames(actor: Actor, namespace: string): Promise<string[]> {
  return auditedRead(actor, "secret.list", async (tx) => {
    await authorize(tx, actor, "secret:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const rows = await tx.$queryRaw<{ name: string }[]>`
      SELECT s."name" FROM "Secret" s WHERE s."namespaceId" = ${ns.id} AND s."deletedAt" IS NULL ORDER BY s."name"`;
    return rows.map((row) => row.name);
  });
}

function staleBefore(): Date {
  return new Date(Date.now() - config().COFFER_STALE_DAYS * DAY_MS);
}

const iso = (time: Date | string) => new Date(time).toISOString();

function summaryOf(row: SummaryRow, namespace: string): SecretSummary {
  const lastRead = row.lastReadAt ? new Date(row.lastReadAt) : null;
  return {
    id: row.id,
    name: row.name,
    namespace,
    type: row.type,
    labels: row.labels as Record<string, string>,
    immutable: row.immutable,
    version: row.currentVersion,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    keys: (row.keys as KeyInfo[] | null) ?? [],
    sizeBytes: row.sizeBytes ?? 0,
    lastReadAt: lastRead?.toISOString() ?? null,
    stale: isStale(lastRead ?? new Date(row.createdAt)),
    expiresAt: row.expiresAt ? iso(row.expiresAt) : null,
  };
}

/**
 * One query for both numbers, each capped at COUNT_CAP: all matching rows,
 * and those matching `preceding` too (the rows before the page; none on a first page).
 */
async function countOf(tx: Tx, where: Prisma.Sql, preceding: Prisma.Sql | undefined) {
  const before = preceding ? cappedCount(Prisma.sql`${where} AND ${preceding}`) : Prisma.sql`0`;
  const [row] = await tx.$queryRaw<{ total: number; offset: number }[]>`
    SELECT ${cappedCount(where)} AS "total", ${before}::int AS "offset"`;
  const total = capped(row?.total ?? 0);
  const offset = capped(row?.offset ?? 0);
  return { total: total.count, totalCapped: total.capped, offset: offset.count, offsetCapped: offset.capped };
}
