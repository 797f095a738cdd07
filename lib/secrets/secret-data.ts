// A secret's data: key → bytes. It comes in as Kubernetes' `data` (base64)
// and `stringData` (text; wins on a clash), is checked, and is sealed as
// one payload (JSON of key → base64) per version. Keys are data, never
// object properties: from the request to the payload and back they live in
// Maps, so `__proto__` or `constructor` is a key like any other.
import { z } from "zod";
import { config } from "../config/env";
import { decodeBase64 } from "../crypto/base64";
import { BadRequest, TooLarge } from "../errors";
import { isPlainObject, textProblem } from "../input/parse-input";
import { checkKeyName, SECRET_KEY } from "./secret-rules";
import { checkTypeKeys, type SecretType } from "./secret-types";
import type { KeyInfo } from "../../packages/contracts/src/secrets/secret-dto";

export type SecretEntries = Map<string, Buffer>;
export type { KeyInfo };

/**
 * `data` or `stringData` of a request, parsed straight into key → bytes.
 * Not z.record: it drops a `__proto__` key without a word. The bytes are
 * opaque from here on (a value may hold any byte, NUL included).
 */
export function secretDataField(field: "data" | "stringData") {
  const kind = field === "data" ? "base64" : "text";
  return z
    .custom<Record<string, string>>(isPlainObject, { error: `${field} must be an object of key → ${kind}` })
    .meta({
      type: "object",
      propertyNames: { pattern: SECRET_KEY.source, maxLength: 253 },
      additionalProperties: { type: "string" },
      description: `key → ${kind}`,
    })
    .transform((object, ctx) => {
      const entries: SecretEntries = new Map();
      for (const [key, value] of Object.entries(object)) {
        const bytes = valueBytes(field, key, value);
        if (typeof bytes === "string") {
          ctx.addIssue({ code: "custom", message: bytes, path: [key] });
          return z.NEVER;
        }
        entries.set(key, bytes);
      }
      return entries;
    });
}

/** The bytes of one value, or the problem with it. */
function valueBytes(field: "data" | "stringData", key: string, value: unknown): Buffer | string {
  if (typeof value !== "string") return `${field} values must be strings`;
  if (field === "data") return decodeBase64(value.replace(/\s+/g, "")) ?? `data.${key} is not valid base64`;
  // NUL is fine in a value (it is sealed as bytes); a lone surrogate has no UTF-8 bytes at all.
  const problem = textProblem(value, { allowNul: true });
  return problem ? `stringData.${key} ${problem}` : Buffer.from(value, "utf8");
}

/** The two halves of a request's data as one set of entries; `stringData` wins on a clash, as in Kubernetes. */
export function entriesFromInput(input: { data?: SecretEntries; stringData?: SecretEntries }): SecretEntries {
  return new Map([...(input.data ?? []), ...(input.stringData ?? [])]);
}

/** Checks keys, size and type rules; throws the 4xx that names the problem. */
export function checkEntries(type: SecretType, entries: SecretEntries): void {
  if (entries.size === 0) throw new BadRequest("data must hold at least one key", { field: "data" });
  for (const key of entries.keys()) {
    const problem = checkKeyName(key);
    if (problem) throw new BadRequest(problem, { field: "data" });
  }
  const limit = config().COFFER_MAX_SECRET_BYTES;
  const size = totalSize(entries);
  if (size > limit)
    throw new TooLarge(`secret data is ${size} bytes; the limit is ${limit} bytes (COFFER_MAX_SECRET_BYTES)`, { field: "data" });
  const problem = checkTypeKeys(type, entries);
  // The type is fine; its required keys are missing from the data.
  if (problem) throw new BadRequest(`type ${type}: ${problem}`, { field: "data" });
}

export function totalSize(entries: SecretEntries): number {
  let size = 0;
  for (const bytes of entries.values()) size += bytes.length;
  return size;
}

export function keyInfo(entries: SecretEntries): KeyInfo[] {
  return [...entries.entries()].map(([name, bytes]) => ({ name, size: bytes.length })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Key → base64 as a JSON object whose own properties are exactly the keys. */
export function base64Object(entries: SecretEntries): Record<string, string> {
  // Object.fromEntries defines properties; `object[key] = …` would set the
  // prototype for `__proto__` and lose the key.
  return Object.fromEntries([...entries].map(([key, bytes]) => [key, bytes.toString("base64")]));
}

export function sealablePayload(entries: SecretEntries): Buffer {
  return Buffer.from(JSON.stringify(base64Object(entries)), "utf8");
}

export function entriesFromPayload(payload: Buffer): SecretEntries {
  // JSON.parse defines own properties too, `__proto__` included.
  const object = JSON.parse(payload.toString("utf8")) as Record<string, string>;
  return new Map(Object.entries(object).map(([key, value]) => [key, Buffer.from(value, "base64")]));
}
