// The audit page's address. Filters use the API's names (actor, action,
// resource, resourceId, namespace, outcome, from, to, q) so a view can be
// shared and its filters passed on to the export unchanged. The console adds
// two conveniences that resolve to plain filters before lib sees them:
// `range` (24h, 7d, 30d: relative to when the page is rendered) and a bare
// `to` date that includes that whole day (lib's `to` is exclusive).
import { DAY_MS } from "@/lib/time";

export const FILTER_KEYS = ["actor", "action", "resource", "resourceId", "namespace", "outcome", "from", "to", "q"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const RANGES = {
  "24h": { label: "24h", title: "Last 24 hours", ms: DAY_MS },
  "7d": { label: "7d", title: "Last 7 days", ms: 7 * DAY_MS },
  "30d": { label: "30d", title: "Last 30 days", ms: 30 * DAY_MS },
} as const;
export type RangeKey = keyof typeof RANGES;

export type AuditQuery = Partial<Record<FilterKey, string>> & { range?: RangeKey; cursor?: string };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text || undefined;
}

function isRange(value: string | undefined): value is RangeKey {
  return value !== undefined && Object.hasOwn(RANGES, value);
}

export function readAuditQuery(params: Params): AuditQuery {
  const query: AuditQuery = {};
  for (const key of FILTER_KEYS) {
    const value = read(params, key);
    if (value) query[key] = value;
  }
  const range = read(params, "range");
  // Dates typed by hand win over a quick range.
  if (isRange(range) && !query.from && !query.to) query.range = range;
  const cursor = read(params, "cursor");
  if (cursor) query.cursor = cursor;
  return query;
}

/** Whether anything narrows the list (the cursor only pages through it). */
export function hasFilters(query: AuditQuery): boolean {
  return FILTER_KEYS.some((key) => query[key]) || query.range !== undefined;
}

export function auditHref(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `/audit?${search}` : "/audit";
}

/** The first page of the same view. */
export function firstPage(query: AuditQuery): AuditQuery {
  return { ...query, cursor: undefined };
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) return date;
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The filters in the API's terms, for parseAuditFilters, the export link and
 * the live indicator: a quick range becomes `from`, a bare `to` date the day
 * after it.
 */
export function resolvedFilters(query: AuditQuery, now: number = Date.now()): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) filters[key] = value;
  }
  if (query.range) filters.from = new Date(now - RANGES[query.range].ms).toISOString();
  if (filters.to && BARE_DATE.test(filters.to)) filters.to = dayAfter(filters.to);
  return filters;
}

/** What the charts cover, in words. */
export function periodLabel(query: AuditQuery): string {
  if (query.range) return RANGES[query.range].title;
  if (query.from && query.to) return `${query.from.slice(0, 10)} to ${query.to.slice(0, 10)}`;
  if (query.from) return `Since ${query.from.slice(0, 10)}`;
  if (query.to) return `30 days up to ${query.to.slice(0, 10)}`;
  return "Last 30 days";
}
