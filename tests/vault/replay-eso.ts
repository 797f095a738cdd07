// External Secrets Operator's Vault provider, the part a SecretStore with
// token auth and an ExternalSecret exercise, on the Go client of
// replay-go-client.ts: what it requests and what it concludes from each
// answer. Ported from external-secrets/external-secrets @ cc5bfbc2
// (providers/v1/vault: provider.go, auth.go, auth_token.go, validate.go,
// client_get.go, client_get_all_secrets.go; runtime/esutils/utils.go),
// keeping only the branches a token-auth KV store reaches.
import { assertString, GoPanic, jsonNumberInt64, list, lookupSelf, parseRfc3339, readWithData, type GoClient } from "./replay-go-client";

export type EsoStore = {
  /** spec.provider.vault.server */
  server: string;
  /** spec.provider.vault.path: the KV mount (a Coffer namespace, or `secret`). */
  path?: string;
  version: "v1" | "v2";
  /** spec.provider.vault.namespace (Vault Enterprise's; Coffer refuses it). */
  namespace?: string;
  /** The value under auth.tokenSecretRef's key in the Kubernetes Secret. */
  token: string;
};

export type EsoRemoteRef = { key: string; property?: string; version?: string; metadataPolicy?: "None" | "Fetch" };

/** esv1.NoSecretError: the controller drops the key (deletionPolicy Delete/Merge) or reports it (Retain). */
export class NoSecretError extends Error {
  constructor() {
    super("Secret does not exist");
  }
}

/**
 * provider.go newClient → initClient → setAuth. A fresh Go client holds no
 * token (ESO's pod sets no VAULT_TOKEN), so checkToken is skipped and
 * setSecretKeyToken only sets the token: creating the client sends nothing.
 * Close() sends nothing either: a tokenSecretRef token is never revoked.
 */
export function esoClient(store: EsoStore): GoClient {
  return { address: store.server, token: store.token, namespace: store.namespace };
}

export type TokenCheck = { exists: boolean; expiry: Date | null };

/** auth.go checkToken: lookup-self, then `type`, `ttl` (a JSON integer) and `expire_time` (null or RFC 3339). */
export async function checkToken(client: GoClient): Promise<TokenCheck> {
  const resp = await lookupSelf(client);
  if (!resp) throw new Error("no response nor error for token lookup");
  const data = resp.data ?? {};
  if (!("type" in data)) throw new Error("could not assert token type");
  if (assertString(data.type, "resp.Data[type]") === "batch") return { exists: false, expiry: null };
  if (!("ttl" in data)) throw new Error("no TTL found in response");
  let ttl: number;
  try {
    ttl = jsonNumberInt64(data.ttl, "resp.Data[ttl]");
  } catch (error) {
    if (error instanceof GoPanic) throw error;
    throw new Error(`invalid token TTL: ${String(data.ttl)}: ${(error as Error).message}`);
  }
  if (!("expire_time" in data)) throw new Error("no expiration time found in response");
  const expireTime = data.expire_time;
  // Treat expirable tokens that are about to expire as already expired.
  if (ttl < 60 && expireTime !== null) return { exists: false, expiry: null };
  if (expireTime === null) return { exists: true, expiry: null };
  if (typeof expireTime !== "string") throw new Error(`expire time is not a string but is: ${typeof expireTime}`);
  try {
    return { exists: true, expiry: parseRfc3339(expireTime) };
  } catch (error) {
    throw new Error(`invalid token expiration time: ${expireTime}: ${(error as Error).message}`);
  }
}

/** validate.go Validate: the SecretStore's Ready condition (tokenExpiryTime is nil for a tokenSecretRef store). */
export async function validate(client: GoClient): Promise<{ result: "Ready" } | { result: "Error"; message: string }> {
  try {
    await checkToken(client);
    return { result: "Ready" };
  } catch (error) {
    if (error instanceof GoPanic) throw error;
    return { result: "Error", message: `invalid vault credentials: ${(error as Error).message}` };
  }
}

/** client_get.go buildPath: `path` + data/ + key for KV v2 (a key already under the mount keeps its place). */
export function buildPath(store: EsoStore, key: string): string {
  let out = key;
  if (store.path !== undefined) {
    const cut = `${store.path}/`;
    if (out.startsWith(cut)) {
      out = out.slice(cut.length);
      if (out.startsWith("data/") && store.version === "v2") out = out.slice("data/".length);
    }
    return [...store.path.split("/"), ...(store.version === "v2" ? ["data"] : []), ...out.split("/")].join("/");
  }
  if (!out.includes("/data/") && store.version === "v2") {
    const [mount, ...rest] = out.split("/");
    return [mount, "data", ...rest].join("/");
  }
  return out;
}

/** client_get.go buildMetadataPath. */
export function buildMetadataPath(store: EsoStore, key: string): string {
  if (store.version === "v1") return `${store.path}/${key}`;
  if (store.path === undefined) {
    if (!key.includes("data")) throw new Error("provided Path isn't a valid kv v2 path");
    return key.replace("/data/", "/metadata/");
  }
  return `${store.path}/metadata/${key}`;
}

const readError = (error: unknown) => new Error(`cannot read secret data from Vault: ${(error as Error).message}`, { cause: error });

/** client_get.go readSecret: KV v2 values are `data.data`. */
export async function readSecret(client: GoClient, store: EsoStore, key: string, version?: string): Promise<Record<string, unknown>> {
  let secret;
  try {
    secret = await readWithData(client, buildPath(store, key), version ? { version: [version] } : undefined);
  } catch (error) {
    throw readError(error);
  }
  if (!secret) throw new NoSecretError();
  if (store.version === "v1") return secret.data ?? {};
  if (!secret.data || !("data" in secret.data)) throw new Error("failed to find data field");
  const inner = secret.data.data;
  if (inner === null) throw new NoSecretError();
  if (typeof inner !== "object" || Array.isArray(inner)) throw new Error("failed to unmarshall JSON");
  return inner as Record<string, unknown>;
}

/** encoding/json.Marshal: map keys sorted, <, > and & escaped. */
function goMarshal(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(sorted)
        : v;
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** esutils.GetByteValue for what a KV answer can hold. */
function byteValue(value: unknown): Buffer {
  if (typeof value === "string") return Buffer.from(value, "utf8");
  if (value === null) return Buffer.alloc(0);
  if (typeof value === "number" || typeof value === "boolean") return Buffer.from(String(value));
  return Buffer.from(goMarshal(value));
}

/** client_get.go getSecretValue: the whole map as JSON, the property's value, or a gjson path (dotted keys here). */
export function secretValue(data: Record<string, unknown>, property?: string): Buffer {
  if (!property) return Buffer.from(goMarshal(data));
  if (property in data) return byteValue(data[property]);
  let found: unknown = data;
  for (const part of property.split(".")) {
    if (!found || typeof found !== "object" || !(part in found))
      throw new Error(`cannot find secret data for key: ${JSON.stringify(property)}`);
    found = (found as Record<string, unknown>)[part];
  }
  return typeof found === "string" ? Buffer.from(found) : Buffer.from(goMarshal(found));
}

const SYSTEM_METADATA_KEYS = ["created_time", "current_version", "delete_version_after"];

/** client_get.go readSecretMetadata: three system fields and custom_metadata, all as text (fmt %v). */
export async function readSecretMetadata(client: GoClient, store: EsoStore, key: string): Promise<Record<string, string>> {
  let secret;
  try {
    secret = await readWithData(client, buildMetadataPath(store, key));
  } catch (error) {
    throw readError(error);
  }
  if (!secret) throw new Error("secret not found");
  const metadata: Record<string, string> = {};
  const data = secret.data ?? {};
  if (store.version === "v2")
    for (const k of SYSTEM_METADATA_KEYS) if (data[k] !== undefined && data[k] !== null) metadata[k] = String(data[k]);
  const custom = data.custom_metadata;
  if (!custom || typeof custom !== "object" || Array.isArray(custom)) return metadata;
  for (const [k, v] of Object.entries(custom)) metadata[k] = typeof v === "string" ? v : String(v);
  return metadata;
}

/** client_get.go GetSecret: one remoteRef (metadataPolicy Fetch reads metadata/ instead of data/). */
export async function getSecret(client: GoClient, store: EsoStore, ref: EsoRemoteRef): Promise<Buffer | null> {
  if (ref.metadataPolicy === "Fetch") {
    if (store.version === "v1") throw new Error("cannot perform metadata fetch operations with kv version v1");
    const metadata = await readSecretMetadata(client, store, ref.key);
    if (Object.keys(metadata).length === 0) return null;
    return secretValue(metadata, ref.property);
  }
  return secretValue(await readSecret(client, store, ref.key, ref.version), ref.property);
}

/** client_get_all_secrets.go listSecrets: LIST <path>/metadata/ (recursing into keys ending in /). */
async function listSecrets(client: GoClient, store: EsoStore, path: string): Promise<string[]> {
  let secret;
  try {
    secret = await list(client, buildMetadataPath(store, path));
  } catch (error) {
    throw readError(error);
  }
  if (!secret) throw new NoSecretError();
  if (!secret.data || !("keys" in secret.data)) return [];
  const keys = secret.data.keys;
  if (!Array.isArray(keys)) throw new GoPanic("interface conversion: interface {} is not []interface {}");
  const found: string[] = [];
  for (const raw of keys) {
    const key = assertString(raw, "keys[i]");
    const full = path === "" ? key : path + key;
    found.push(...(key.endsWith("/") ? await listSecrets(client, store, full) : [full]));
  }
  return found;
}

/** GetAllSecrets for dataFrom.find.name.regexp: list, then one GetSecret per matching name. */
export async function findByName(client: GoClient, store: EsoStore, regexp: string): Promise<Record<string, Buffer>> {
  const matcher = new RegExp(regexp);
  const secrets: Record<string, Buffer> = {};
  for (const name of await listSecrets(client, store, "")) {
    if (!matcher.test(name)) continue;
    try {
      const value = await getSecret(client, store, { key: name });
      if (value) secrets[name] = value;
    } catch (error) {
      if (!(error instanceof NoSecretError)) throw error;
    }
  }
  return secrets;
}
