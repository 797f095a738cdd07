import { z } from "zod";
import { BadRequest } from "../errors";

/** PostgreSQL's `integer` and `bigint`: a number past these is a 500 there, so a 400 here. */
export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = 9_223_372_036_854_775_807n;

// Text PostgreSQL cannot store: text columns refuse NUL (22021) and JSONB
// refuses the \u0000 escape (22P05); a lone UTF-16 surrogate is not Unicode
// at all (JSONB refuses its escape, UTF-8 encoding silently replaces it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 32;

/** Why `value` cannot be stored as text, or null; phrased to follow a field name. */
export function textProblem(value: string, options: { allowNul?: boolean } = {}): string | null {
  if (!options.allowNul && value.includes("\u0000")) return "must not contain NUL (\\u0000) characters";
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode (it holds a lone surrogate)";
  return null;
}

/**
 * The first string in `input` (a key or a value, at any depth) that the
 * database could not store, as a message naming its field; null if none.
 * Buffers and other class instances are opaque bytes and not looked into.
 */
export function unstorableText(input: unknown, options: { allowNul?: boolean; root?: string } = {}): string | null {
  return unstorableField(input, options)?.message ?? null;
}

/** unstorableText with the path of the field it is about ("" for the input itself). */
export function unstorableField(
  input: unknown,
  options: { allowNul?: boolean; root?: string } = {},
): { path: string; message: string } | null {
  const stack: [unknown, string, number][] = [[input, options.root ?? "", 0]];
  const name = (path: string) => path || "the value";
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value, options);
      if (problem) return { path, message: `${name(path)} ${problem}` };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_DEPTH) return { path, message: `${name(path)} is nested too deeply` };
    const entries: Iterable<[unknown, unknown]> | null =
      value instanceof Map ? value.entries() : Array.isArray(value) ? value.entries() : isPlainObject(value) ? Object.entries(value) : null;
    for (const [key, child] of entries ?? []) {
      const childPath = path ? `${path}.${String(key)}` : String(key);
      if (typeof key === "string") {
        const problem = textProblem(key, options);
        // The key itself is unprintable, so name where it sits instead.
        if (problem) return { path, message: `a key in ${name(path)} ${problem}` };
      }
      stack.push([child, childPath, depth + 1]);
    }
  }
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * zod parse whose failure is a 400 naming the fields: its message is the
 * first issue's ("path: message"), and `fields` holds every issue's path,
 * so a form can show them all at once. What passes is then checked for
 * text the database cannot store, so no schema has to remember NUL bytes
 * and lone surrogates (secret values, which may hold any byte, are Buffers
 * by then and are not looked into).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(issueMessage);
    throw new BadRequest(issues[0]!.message, { fields: issueFields(issues) });
  }
  const problem = unstorableField(parsed.data);
  if (problem) throw new BadRequest(problem.message, { field: problem.path || undefined });
  return parsed.data;
}

/**
 * A zod failure as a 400 in the schema's own words: the message is the
 * first issue's without its path in front (for schemas whose every message
 * already names its field), and `fields` holds every issue's path.
 */
export function issuesBadRequest(error: z.ZodError): BadRequest {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  return new BadRequest(issues[0]!.message, { fields: issueFields(issues) });
}

/** An issue as the API words it: "path: message", unless the message already opens with its field. */
function issueMessage(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = issue.path.map(String).join(".");
  const message = issue.message;
  return { path, message: path && !message.startsWith(path.split(".")[0]!) ? `${path}: ${message}` : message };
}

/** Path → message for every issue that has a path; the first issue on a path wins. */
function issueFields(issues: { path: string; message: string }[]): Record<string, string> {
  // A Map, then fromEntries: a path such as `__proto__` stays a key.
  const fields = new Map<string, string>();
  for (const { path, message } of issues) if (path && !fields.has(path)) fields.set(path, message);
  return Object.fromEntries(fields);
}

/**
 * A whole number in [min, max], given as a JSON number or as the digits of
 * a query string or form field; the message names the field and the range.
 */
export function wholeNumber(field: string, min: number, max: number) {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    (value) => (typeof value === "string" && /^[+-]?\d{1,16}$/.test(value.trim()) ? Number(value) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}
