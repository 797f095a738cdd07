// The Vault API benchmark's fixtures, made through /api/v1 as an operator
// would: one secret bound to one service with a service token (the
// runtime baseline and the Vault read use the same token), and the
// owner's own secret for the write path. Each path is checked once before
// it is timed, so a wrong answer stops the run instead of being measured.
import { randomBytes } from "node:crypto";
import { api } from "../support/instance";

export const NAMESPACE = "default";
export const SECRET = "bench-vault-db";
export const WRITTEN = "bench-vault-written";
export const SERVICE = "bench-vault-app";
export const RUNTIME_PATH = "/api/v1/runtime/secrets";
export const VAULT_READ_PATH = `/v1/secret/data/${SECRET}`;
export const VAULT_WRITE_PATH = `/v1/secret/data/${WRITTEN}`;
export const VAULT_LIST_PATH = "/v1/secret/metadata?list=true";
export const VAULT_HEALTH_PATH = "/v1/sys/health";

export type Fixtures = { serviceToken: string; ownerToken: string; value: string };

export async function provision(base: string, ownerToken: string): Promise<Fixtures> {
  const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => api<T>(base, ownerToken, method, path, body);
  // A typical database credential: two keys, as an ExternalSecret of a username and password reads.
  const value = randomBytes(24).toString("base64");
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/secrets`, { name: SECRET, stringData: { username: "app", password: value } });
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/services`, { name: SERVICE, description: "Vault API benchmark" });
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}/bindings`, { secret: SECRET, target: "db" });
  const { token: serviceToken } = await call<{ token: string }>("POST", `/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}/tokens`, {
    name: "bench",
  });

  const runtime = await api<{ secrets: unknown[] }>(base, serviceToken, "GET", RUNTIME_PATH);
  if (runtime.secrets.length !== 1) throw new Error(`runtime fetch delivered ${runtime.secrets.length} secrets, not 1`);
  const read = await api<{ data: { data: Record<string, string> } }>(base, serviceToken, "GET", VAULT_READ_PATH);
  if (read.data.data.password !== value) throw new Error("the Vault read did not answer the bound secret's password");
  const list = await api<{ data: { keys: string[] } }>(base, serviceToken, "GET", VAULT_LIST_PATH);
  if (list.data.keys.join() !== SECRET) throw new Error(`the service's LIST answered ${JSON.stringify(list.data.keys)}`);
  const written = await api<{ data: { version: number } }>(base, ownerToken, "POST", VAULT_WRITE_PATH, JSON.parse(writeBody(0)));
  if (written.data.version !== 1) throw new Error(`the first Vault write made version ${written.data.version}`);
  const health = await api<{ initialized: boolean; sealed: boolean }>(base, null, "GET", VAULT_HEALTH_PATH);
  if (!health.initialized || health.sealed) throw new Error(`sys/health answered ${JSON.stringify(health)}`);
  return { serviceToken, ownerToken, value };
}

/** Requests the checks above sent on each path, for the audit reconciliation. */
export const CHECK_CALLS = { runtime: 1, vaultRead: 1, vaultList: 1, vaultWrite: 1, vaultHealth: 1 } as const;

/** A write of a new value (a rotation), as `vault kv put` sends it. */
export function writeBody(n: number): string {
  return JSON.stringify({ data: { password: `rotated-${n}-${randomBytes(12).toString("base64")}` } });
}
