// COFFER_KEYRING_FILE: the list of key-encryption keys, primary first.
//   {"keys":[{"name":"key2","secret":"<base64 of 32 bytes>"},
//            {"name":"kms1","kms":{"socket":"/run/kms.sock","timeoutMs":5000}}]}
// A "kms" key is a Kubernetes KMS v2 plugin on that unix socket (kms.ts).
// Checked by hand so each problem reads as one line about one key. A
// message quotes a key's name only once the name is known to be well
// formed: a secret pasted in the wrong field must not reach a log.
import { decodeKey } from "./base64";
import { KeyringError } from "./errors";
import { LocalKeyProvider, type KeyProvider } from "./key-provider";
import { KmsKeyProvider } from "./kms";

export const KEY_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

const problem = (text: string) => new KeyringError("COFFER_KEYRING_FILE", text);

type Entry = Record<string, unknown>;

/** Providers for each key in the file's text, in file order. */
export function parseKeyringFile(text: string): KeyProvider[] {
  const keys = keyList(text);
  const seen = new Set<string>();
  return keys.map((entry, index) => {
    const name = entryName(entry, index);
    if (seen.has(name)) throw problem(`key "${name}" is listed twice`);
    seen.add(name);
    return provider(name, entry);
  });
}

function keyList(text: string): Entry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error, key included.
    throw problem("is not valid JSON");
  }
  const keys = isObject(json) ? json.keys : undefined;
  if (!Array.isArray(keys)) throw problem('must be a JSON object with a "keys" list');
  if (keys.length === 0) throw problem('"keys" must list at least one key');
  keys.forEach((entry, index) => {
    if (!isObject(entry)) throw problem(`keys[${index}] must be an object`);
  });
  return keys as Entry[];
}

function entryName(entry: Entry, index: number): string {
  const name = entry.name;
  if (typeof name !== "string" || !KEY_NAME.test(name)) {
    throw problem(`keys[${index}].name must be 1-63 of a-z, 0-9, "_" or "-", starting with a letter or digit`);
  }
  return name;
}

function provider(name: string, entry: Entry): KeyProvider {
  const unknown = Object.keys(entry).filter((field) => !["name", "secret", "kms"].includes(field));
  if (unknown.length) throw problem(`key "${name}" has ${fieldLabel(unknown[0]!)}`);
  if ("secret" in entry === "kms" in entry) throw problem(`key "${name}" must have either "secret" or "kms"`);
  return "kms" in entry ? kmsProvider(name, entry.kms) : localProvider(name, entry.secret);
}

function localProvider(name: string, secret: unknown): KeyProvider {
  const key = typeof secret === "string" ? decodeKey(secret) : undefined;
  if (!key) throw problem(`key "${name}" must be 32 bytes of base64`);
  const provider = new LocalKeyProvider(name, key);
  key.fill(0);
  return provider;
}

function kmsProvider(name: string, kms: unknown): KeyProvider {
  if (!isObject(kms)) throw problem(`key "${name}": "kms" must be an object with a "socket" path`);
  const unknown = Object.keys(kms).filter((field) => !["socket", "timeoutMs"].includes(field));
  if (unknown.length) throw problem(`key "${name}": kms has ${fieldLabel(unknown[0]!)}`);
  const { socket, timeoutMs } = kms;
  if (typeof socket !== "string" || socket === "") throw problem(`key "${name}": kms.socket must be a path`);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && (timeoutMs as number) > 0)) {
    throw problem(`key "${name}": kms.timeoutMs must be a positive integer`);
  }
  return new KmsKeyProvider(name, socket, { timeoutMs: timeoutMs as number | undefined });
}

/** Quotes a field name that looks like one (a typo); anything else could be pasted key material. */
function fieldLabel(field: string): string {
  return /^[A-Za-z_]{1,32}$/.test(field) ? `unknown field "${field}"` : "an unknown field";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
