// Keyset pagination's page parameters and cursors, shared by every list
// that pages in SQL (secrets, services, members, versions). A cursor is the
// base64url of the last row's sort key, tagged with the sort it belongs to:
// opaque to callers, and anything that does not decode to exactly that
// shape is a 400 "cursor is invalid", never a query (nor a 500).
import { z } from "zod";
import { BadRequest } from "../errors";
import { parseInput, textProblem, wholeNumber } from "../input/parse-input";

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;
// A cursor holds a name or two and a time: far below this.
const MAX_CURSOR_LENGTH = 2048;

export type KeyPart = "text" | "int" | "time";
export type KeyValue = string | number | Date;

export const pageQuerySchema = z.object({
  limit: wholeNumber("limit", 1, MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string({ error: "cursor is invalid" }).max(MAX_CURSOR_LENGTH, "cursor is invalid").optional(),
});

export type PageQuery = { limit?: number | string; cursor?: string };

/** `?limit=&cursor=` of a list route; an empty parameter counts as absent. */
export function pageQueryOf(params: URLSearchParams): PageQuery {
  const given = (name: string) => params.get(name) || undefined;
  return { limit: given("limit"), cursor: given("cursor") };
}

export function parsePageQuery(page: PageQuery): { limit: number; cursor?: string } {
  return parseInput(pageQuerySchema, page);
}

export function encodeCursor(sort: string, key: KeyValue[]): string {
  const values = key.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify({ s: sort, k: values }), "utf8").toString("base64url");
}

const invalid = () => new BadRequest("cursor is invalid", { field: "cursor" });

/** The sort key in `cursor`, checked against the sort it must belong to and the type of each part. */
export function decodeCursor(cursor: string, sort: string, parts: readonly KeyPart[]): KeyValue[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > MAX_CURSOR_LENGTH) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) throw invalid();
  const { s, k } = decoded as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length !== parts.length) throw invalid();
  return parts.map((part, i) => keyValue(part, k[i]));
}

function keyValue(part: KeyPart, value: unknown): KeyValue {
  if (part === "int") {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || Math.abs(value) > 2_147_483_647) throw invalid();
    return value;
  }
  // Text the database could not take (NUL, lone surrogates) would be its error, not ours.
  if (typeof value !== "string" || value.length > 1000 || textProblem(value)) throw invalid();
  if (part === "text") return value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) throw invalid();
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw invalid();
  return time;
}

/** A page of rows read with limit + 1: the rows to show, and whether there are more. */
export function pageOf<T>(rows: T[], limit: number): { rows: T[]; more: boolean } {
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
