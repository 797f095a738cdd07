// vault-agent rendering a template from Coffer, on the Go client of
// replay-go-client.ts: its startup probe, the token_file auto-auth that
// turns a static token into the templates' token, and consul-template's
// read of one `secret` (KV v2 preflight, path rewrite, read, what it does
// with the lease). Ported from:
//   hashicorp/vault command/agent.go (stored version): Sys().Health() first,
//     its answer only feeds a version note; templates run only under
//     auto_auth (the template server takes its token from the auth handler).
//   hashicorp/vault command/agentproxyshared/auth/token-file/token_file.go
//     @ 414e8f6d and auth/auth.go @ b641aa10: the file is read and trimmed,
//     lookup-self is called with it, and data.id becomes the token.
//   hashicorp/vault command/agent/internal/ctmanager/runner_config.go
//     @ 94ea9b09: consul-template runs with renew_token = false.
//   hashicorp/consul-template @ 1deacb7d dependency/vault_read.go and
//     vault_common.go: isKVv2, shimKVv2Path, deletedKVv2, leaseCheckWait.
import { posix } from "node:path";
import {
  assertString,
  GoPanic,
  jsonNumberInt64,
  lookupSelf,
  parseRfc3339,
  parseSecret,
  readRaw,
  readWithData,
  ResponseError,
  sysHealth,
  type GoSecret,
} from "./replay-go-client";

const AGENT = "1.20.0 (+https://www.vaultproject.io/; go1.24.4)";
/** helper/useragent AgentAutoAuthString and AgentTemplatingString. */
export const AUTO_AUTH_USER_AGENT = `Vault Agent Auto-Auth/${AGENT}`;
export const TEMPLATING_USER_AGENT = `Vault Agent Templating/${AGENT}`;

/** agent.go: `serverHealth, err := client.Sys().Health()`; an error is ignored (only the version note is lost). */
export const healthProbe = (address: string) => sysHealth({ address });

export type TokenFileAuth = {
  /** What the auth handler sends on TemplateTokenCh: the templates' X-Vault-Token. */
  templateToken: string;
  leaseDuration: number;
  renewable: boolean;
  /** auth.go: a token_file token with ttl 0 starts no lifetime watcher; otherwise one starts. */
  startsWatcher: boolean;
  /** A watcher on a non-renewable token only waits for expiry, then re-authenticates (reads the file again). */
  callsRenewSelf: boolean;
};

/** auth.go Run with the token_file method: Authenticate → lookup-self with the file's token → data.id, ttl, renewable, type. */
export async function tokenFileAuth(address: string, tokenFile: string): Promise<TokenFileAuth> {
  const token = tokenFile.trim();
  if (!token) throw new Error("token file empty and no cached token known");
  const secret = await lookupSelf({ address, token, userAgent: AUTO_AUTH_USER_AGENT });
  if (!secret || !secret.data) throw new Error("token file validation failed, token may be invalid");
  const id = secret.data.id;
  if (typeof id !== "string" || id === "") throw new Error("token file validation returned empty client token");
  // `duration, _ := secret.Data["ttl"].(json.Number).Int64()`: a panic unless a number, 0 unless whole.
  let leaseDuration = 0;
  try {
    leaseDuration = jsonNumberInt64(secret.data.ttl, "secret.Data[ttl]");
  } catch (error) {
    if (error instanceof GoPanic) throw error;
  }
  const renewable = secret.data.renewable === true;
  assertString(secret.data.type, "secret.Data[type]");
  const startsWatcher = leaseDuration !== 0;
  return { templateToken: id, leaseDuration, renewable, startsWatcher, callsRenewSelf: startsWatcher && renewable };
}

/** vault_common.go isKVv2: the mount a path is under and whether it is KV version 2. */
async function isKVv2(address: string, token: string, path: string): Promise<{ mountPath: string; v2: boolean }> {
  const { answer, error } = await readRaw({ address, token, userAgent: TEMPLATING_USER_AGENT }, `sys/internal/ui/mounts/${path}`);
  if (error) {
    // "If we get a 404 we are using an older version of vault, default to version 1"
    if (answer.status === 404) return { mountPath: "", v2: false };
    throw error;
  }
  const secret = parseSecret(answer.body);
  if (!secret) throw new Error(`secret at path ${path} does not exist`);
  const data = secret.data ?? {};
  const mountPath = "path" in data ? assertString(data.path, "secret.Data[path]") : "";
  const mountType = "type" in data ? assertString(data.type, "secret.Data[type]") : "";
  const options = data.options;
  if (options === undefined || options === null) return { mountPath, v2: false };
  if (typeof options !== "object" || Array.isArray(options))
    throw new GoPanic("interface conversion: options is not map[string]interface {}");
  const version = (options as Record<string, unknown>).version;
  if (version === undefined || version === null) return { mountPath, v2: false };
  return { mountPath, v2: assertString(version, "options[version]") === "2" && mountType === "kv" };
}

/** vault_read.go shimKVv2Path, for a client without a Vault namespace. */
export function shimKVv2Path(rawPath: string, mountPath: string): string {
  if (rawPath === mountPath || rawPath === mountPath.replace(/\/$/, "")) return posix.join(mountPath, "data");
  const p = rawPath.startsWith(mountPath) ? rawPath.slice(mountPath.length) : rawPath;
  if (p.startsWith("data/") || p.startsWith("metadata/") || p.startsWith("subkeys/")) return rawPath;
  return posix.join(mountPath, "data", p);
}

/** vault_read.go deletedKVv2: a metadata.deletion_time in the past. */
function deletedKVv2(secret: GoSecret): boolean {
  const metadata = secret.data?.metadata;
  if (!metadata || typeof metadata !== "object") return false;
  const deletion = (metadata as Record<string, unknown>).deletion_time;
  if (typeof deletion !== "string") return false;
  try {
    return parseRfc3339(deletion).getTime() < Date.now();
  } catch {
    return false;
  }
}

export type TemplateRead = {
  secretPath: string;
  secret: GoSecret;
  /** vault_common.go: a renewable secret is renewed (sys/leases/renew); a KV read is not. */
  renews: boolean;
  /** leaseCheckWait's base: lease_duration, or the agent's static_secret_render_interval when 0. */
  refetchAfter: "lease_duration" | "static_secret_render_interval";
};

/** VaultReadQuery.Fetch for `{{ with secret "<path>" }}`: the KV v2 check once, then the read. */
export async function templateRead(address: string, token: string, templatePath: string): Promise<TemplateRead> {
  const trimmed = templatePath.trim().replace(/^\/+|\/+$/g, "");
  const [rawPath, query = ""] = trimmed.split("?", 2) as [string, string?];
  const queryValues: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) (queryValues[k] ??= []).push(v);
  let secretPath = rawPath;
  try {
    const { mountPath, v2 } = await isKVv2(address, token, rawPath);
    if (v2) secretPath = shimKVv2Path(rawPath, mountPath);
  } catch (error) {
    // "[WARN] failed to check if … is KVv2, assume not"
    if (error instanceof GoPanic) throw error;
  }
  const secret = await readWithData({ address, token, userAgent: TEMPLATING_USER_AGENT }, secretPath, queryValues);
  if (!secret || deletedKVv2(secret)) throw new Error(`no secret exists at ${secretPath}`);
  const renews = secret.renewable;
  return {
    secretPath,
    secret,
    renews,
    refetchAfter: !renews && secret.lease_duration <= 0 ? "static_secret_render_interval" : "lease_duration",
  };
}

/**
 * command/agent/template/template.go @ d817ca7b, ServerErrCh: only a 403
 * whose text has logical.ErrInvalidToken ("invalid token") makes the agent
 * authenticate again, i.e. read the token file again. Any other refusal
 * leaves it retrying the same token.
 */
export function reauthenticatesOn(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 403 && error.message.includes("invalid token");
}

/** `{{ .Data.data.<key> }}` on the read secret: text/template prints <no value> for a missing key. */
export function renderDataData(secret: GoSecret, key: string): string {
  const inner = secret.data?.data;
  if (!inner || typeof inner !== "object") return "<no value>";
  const value = (inner as Record<string, unknown>)[key];
  return value === undefined ? "<no value>" : String(value);
}
