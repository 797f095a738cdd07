// The list routes page (issue 17): `?limit=&cursor=`, answered with one
// page and `nextCursor` (null on the last). `ls` follows the cursors until
// the end, or until --limit items; a server that does not page answers
// everything with no nextCursor, and that is the end too.
import type { ApiClient, Query } from "./api-client";
import { UsageError } from "./errors";
import type { OptionSpec } from "./args";

const SERVER_MAX = 1000;

export const limitOption: OptionSpec = {
  name: "limit",
  type: "string",
  value: "N",
  help: "Show at most N items (default: all, fetched a page at a time)",
};

/** --limit as a positive whole number, or undefined for "all". */
export function parseLimit(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`invalid argument "${value}" for "--limit": expected a whole number of at least 1`, command);
  }
  return Number(value);
}

export async function fetchAllPages<T, K extends string>(
  client: ApiClient,
  path: string,
  key: K,
  options: { query?: Query; limit?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const want = options.limit === undefined ? SERVER_MAX : Math.min(SERVER_MAX, options.limit - items.length);
    const query: Query = [...(options.query ?? []), ["limit", String(want)], ...(cursor ? ([["cursor", cursor]] as Query) : [])];
    const page = await client.request<Record<K, T[]> & { nextCursor?: string | null }>("GET", path, { query });
    items.push(...page[key]);
    cursor = page.nextCursor ?? null;
  } while (cursor && (options.limit === undefined || items.length < options.limit));
  return options.limit === undefined ? items : items.slice(0, options.limit);
}
