// A secret's data: key → bytes. It comes in as Kubernetes' `data` (base64)
// and `stringData` (text; wins on a clash), is checked, and is sealed as
// one payload (JSON of key → base64) per version.
import { config } from "../config/env";
import { decodeBase64 } from "../crypto/base64";
import { BadRequest, TooLarge } from "../http/errors";
import { checkKeyName } from "./secret-rules";
import { checkTypeKeys, type SecretType } from "./secret-types";

export type SecretEntries = Map<string, Buffer>;
export type KeyInfo = { name: string; size: number };

export function entriesFromInput(input: { data?: Record<string, string>; stringData?: Record<string, string> }): SecretEntries {
  const entries: SecretEntries = new Map();
  for (const [key, value] of Object.entries(input.data ?? {})) {
    const bytes = decodeBase64(value.replace(/\s+/g, ""));
    if (!bytes) throw new BadRequest(`data.${key} is not valid base64`);
    entries.set(key, bytes);
  }
  for (const [key, value] of Object.entries(input.stringData ?? {})) entries.set(key, Buffer.from(value, "utf8"));
  return entries;
}

/** Checks keys, size and type rules; throws the 4xx that names the problem. */
export function checkEntries(type: SecretType, entries: SecretEntries): void {
  if (entries.size === 0) throw new BadRequest("data must hold at least one key");
  for (const key of entries.keys()) {
    const problem = checkKeyName(key);
    if (problem) throw new BadRequest(problem);
  }
  const limit = config().COFFER_MAX_SECRET_BYTES;
  const size = totalSize(entries);
  if (size > limit) throw new TooLarge(`secret data is ${size} bytes; the limit is ${limit} bytes (COFFER_MAX_SECRET_BYTES)`);
  const problem = checkTypeKeys(type, entries);
  if (problem) throw new BadRequest(`type ${type}: ${problem}`);
}

export function totalSize(entries: SecretEntries): number {
  let size = 0;
  for (const bytes of entries.values()) size += bytes.length;
  return size;
}

export function keyInfo(entries: SecretEntries): KeyInfo[] {
  return [...entries.entries()].map(([name, bytes]) => ({ name, size: bytes.length })).sort((a, b) => a.name.localeCompare(b.name));
}

export function sealablePayload(entries: SecretEntries): Buffer {
  const object: Record<string, string> = {};
  for (const [key, bytes] of entries) object[key] = bytes.toString("base64");
  return Buffer.from(JSON.stringify(object), "utf8");
}

export function entriesFromPayload(payload: Buffer): SecretEntries {
  const object = JSON.parse(payload.toString("utf8")) as Record<string, string>;
  return new Map(Object.entries(object).map(([key, value]) => [key, Buffer.from(value, "base64")]));
}
