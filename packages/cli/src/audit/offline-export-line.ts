// One line of an audit export (JSONL) or archive, read for offline
// verification. The leaf hash covers an event's fields, not the bytes of
// its line, so a line is also held to the one spelling the server writes:
// otherwise a tab for a space, `1e0` for `1.0` or another base64 spelling
// of the same leaf hash would change a byte nobody could catch.
import type { AuditEventDto } from "../../../contracts/src/audit/audit-event-dto";
import { canonicalEvent, eventHash, jsonString as str, type HashedEvent } from "../../../contracts/src/audit/canonical";
import { leafHash as merkleLeafHash } from "../../../contracts/src/transparency/merkle";
import { decodeBase64 } from "../../../contracts/src/transparency/signed-note";

export type ExportEvent = {
  seq: bigint;
  /** 1-based line number in the input, for messages. */
  line: number;
  /** Null: not sealed when exported. Undefined: the line carries no leaf fields (an older export or archive). */
  leafIndex: number | null | undefined;
  /** The leaf hash recomputed from the event's fields. */
  leafHash: Buffer;
};

export type LineResult = { event: ExportEvent } | { error: string; seq: string | null } | { incomplete: string } | { blank: true };

const SEQ = /^[1-9][0-9]{0,18}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** ISO 8601 UTC with milliseconds, and a real date: the round trip refuses 2026-02-30 and month 13. */
function isIsoTime(text: string): boolean {
  if (!TIME.test(text)) return false;
  const time = new Date(text);
  return !Number.isNaN(time.getTime()) && time.toISOString() === text;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string | null => value === null || typeof value === "string";

/** Reads one line (without its "\n"); never throws. */
export function readExportLine(text: string, line: number): LineResult {
  if (text === "") return { blank: true };
  // Where the seq sits in every line the server writes: lets a damaged line still be named.
  const seq = /^\{"seq":"(\d{1,19})"/.exec(text)?.[1] ?? null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: "is not valid JSON", seq };
  }
  if (isObj(value) && isObj(value.error) && Object.keys(value).length === 1) {
    return { incomplete: typeof value.error.message === "string" ? value.error.message : "the export says it is incomplete" };
  }
  const problem = fieldProblem(value);
  if (problem) return { error: problem, seq };
  const event = value as EventLine;
  if (!spelledAsWritten(text, event)) return { error: "is not spelled as Coffer writes it", seq };
  const row: HashedEvent = {
    seq: BigInt(event.seq),
    time: new Date(event.time),
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorLabel: event.actor.label,
    action: event.action,
    resourceType: event.resource.type,
    resourceId: event.resource.id,
    resourceName: event.resource.name,
    namespace: event.namespace,
    outcome: event.outcome,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    details: event.details,
  };
  // Events of the old chain carry their chain hash, which covers prevHash: it must still add up.
  const canonical = canonicalEvent(row);
  if (event.hash !== null && eventHash(event.prevHash ?? "", row) !== event.hash)
    return { error: "no longer matches its hash-chain hash", seq };
  const leafHash = merkleLeafHash(Buffer.from(canonical, "utf8"));
  if (typeof event.leafHash === "string" && !decodeBase64(event.leafHash)!.equals(leafHash)) {
    return { error: "no longer hashes to its leaf hash", seq };
  }
  return { event: { seq: row.seq, line, leafIndex: event.leafIndex, leafHash } };
}

/** A line as the export writes it (the DTO); archives written before leaves existed lack the leaf fields. */
type EventLine = Omit<AuditEventDto, "leafIndex" | "leafHash" | "details"> & {
  details: unknown;
  leafIndex?: number | null;
  leafHash?: string | null;
};

function fieldProblem(value: unknown): string | null {
  if (!isObj(value)) return "is not an audit event";
  const { seq, time, actor, resource } = value;
  if (typeof seq !== "string" || !SEQ.test(seq)) return "has no valid seq";
  if (typeof time !== "string" || !isIsoTime(time)) return "has no valid time";
  if (!isObj(actor) || typeof actor.type !== "string" || !isText(actor.id) || !isText(actor.label)) return "has no valid actor";
  if (!isObj(resource) || !isText(resource.type) || !isText(resource.id) || !isText(resource.name)) return "has no valid resource";
  if (typeof value.action !== "string" || typeof value.outcome !== "string") return "has no valid action or outcome";
  for (const key of ["namespace", "ip", "userAgent", "requestId", "prevHash", "hash"])
    if (!isText(value[key])) return `has no valid ${key}`;
  if (!isObj(value.details)) return "has no valid details";
  if ("leafIndex" in value || "leafHash" in value) {
    const { leafIndex, leafHash } = value;
    const sealed = typeof leafIndex === "number" && Number.isSafeInteger(leafIndex) && leafIndex >= 0;
    const hashOk = typeof leafHash === "string" && decodeBase64(leafHash)?.length === 32;
    if (!(sealed && hashOk) && !(leafIndex === null && leafHash === null)) return "has no valid leafIndex and leafHash";
  }
  return null;
}

/**
 * Whether the line is exactly what the export (lib/audit/audit-rows.ts
 * jsonlLine) or an archive (JSON.stringify of the event) writes: the line
 * around `details` is rebuilt from its parsed fields and compared, and
 * `details` must be in PostgreSQL's or JSON.stringify's spelling.
 */
function spelledAsWritten(text: string, event: EventLine): boolean {
  const { actor, resource } = event;
  const head =
    `{"seq":${str(event.seq)},"time":${str(event.time)},"actor":{"type":${str(actor.type)},"id":${str(actor.id)},"label":${str(actor.label)}},` +
    `"action":${str(event.action)},"resource":{"type":${str(resource.type)},"id":${str(resource.id)},"name":${str(resource.name)}},` +
    `"namespace":${str(event.namespace)},"outcome":${str(event.outcome)},"ip":${str(event.ip)},"userAgent":${str(event.userAgent)},` +
    `"requestId":${str(event.requestId)},"details":`;
  const leaf = event.leafIndex === undefined ? "" : `,"leafIndex":${event.leafIndex},"leafHash":${str(event.leafHash ?? null)}`;
  const tail = `,"prevHash":${str(event.prevHash)},"hash":${str(event.hash)}${leaf}}`;
  if (text.length < head.length + tail.length || !text.startsWith(head) || !text.endsWith(tail)) return false;
  const details = text.slice(head.length, text.length - tail.length);
  return isPostgresJsonText(details) || JSON.stringify(event.details) === details;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?/y;
// A string as JSON.stringify (and PostgreSQL) escape it: the short escapes,
// \u00xx in lower case for the other control characters, nothing else.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\bfnrt]|\\u00(?:0[0-7]|0b|0e|0f|1[0-9a-f]))*"/y;

/**
 * Whether `text` is spelled as PostgreSQL prints a jsonb value: ", " and
 * ": " between items, no other whitespace, strings escaped as
 * JSON.stringify escapes them, numbers without exponent or leading zeros.
 * Each value then has one spelling of each length, so no single byte can
 * change without changing the value (which the leaf hash covers).
 */
export function isPostgresJsonText(text: string): boolean {
  let at = 0;
  const literal = (word: string) => (text.startsWith(word, at) ? ((at += word.length), true) : false);
  const string = (): boolean => {
    STRING.lastIndex = at;
    if (!STRING.test(text)) return false;
    at = STRING.lastIndex;
    return true;
  };
  const items = (close: string, item: () => boolean): boolean => {
    at++;
    if (literal(close)) return true;
    for (;;) {
      if (!item()) return false;
      if (literal(close)) return true;
      if (!literal(", ")) return false;
    }
  };
  const value = (): boolean => {
    const c = text[at];
    if (c === "{") return items("}", () => string() && literal(": ") && value());
    if (c === "[") return items("]", value);
    if (c === '"') return string();
    if (c === "t" || c === "f" || c === "n") return literal("true") || literal("false") || literal("null");
    NUMBER.lastIndex = at;
    if (!NUMBER.exec(text)) return false;
    at = NUMBER.lastIndex;
    return true;
  };
  return value() && at === text.length;
}
