// What Vault clients probe before they read: the server's health, the
// mounts they may use, and whether a mount speaks KV version 2 (the Vault
// CLI and vault-agent ask sys/internal/ui/mounts and then put `data/` into
// the path). Every mount is a Coffer namespace, KV v2.
import { setupNeeded } from "../auth/setup";
import { NotFound } from "../errors";
import { databaseReachable } from "../instance/check-database";
import { listNamespaces } from "../namespaces/list-namespaces";
import { mountInfo } from "./kv-shapes";
import { mountOfNamespace, namespaceOfMount } from "./vault-path";
import { NO_STORE, vaultEnvelope, vaultJson } from "./vault-response";
import type { VaultCaller } from "./vault-route";

/** The Vault version clients see: the KV v2 API of Vault 1.15, served by Coffer. */
export const VAULT_COMPAT_VERSION = "1.15.0+coffer";

// Vault's defaults, and the query parameters that change them (vault-agent
// asks with every code at 299, so that any state decodes as an answer).
const HEALTH_CODES = { active: ["activecode", 200], sealed: ["sealedcode", 503], uninit: ["uninitcode", 501] } as const;

function statusOf(request: Request, state: keyof typeof HEALTH_CODES): number {
  const [parameter, fallback] = HEALTH_CODES[state];
  const asked = new URL(request.url).searchParams.get(parameter);
  const code = asked !== null && /^\d{3}$/.test(asked) ? Number(asked) : fallback;
  // Response refuses codes outside 200–599; a 1xx would not be an answer anyway.
  return code >= 200 && code <= 599 ? code : fallback;
}

/** sys/health: 200 ready, 501 before setup (Vault's "not initialized"), 503 without a database (its "sealed"). */
export async function health(request: Request): Promise<Response> {
  const reachable = await databaseReachable();
  const initialized = reachable ? !(await setupNeeded().catch(() => false)) : true;
  const body = {
    initialized,
    sealed: !reachable,
    standby: false,
    performance_standby: false,
    replication_performance_mode: "disabled",
    replication_dr_mode: "disabled",
    server_time_utc: Math.floor(Date.now() / 1000),
    version: VAULT_COMPAT_VERSION,
    cluster_name: "coffer",
  };
  const status = statusOf(request, !reachable ? "sealed" : initialized ? "active" : "uninit");
  const answer = Response.json(body, { status, headers: NO_STORE });
  return request.method === "HEAD" ? new Response(null, { status, headers: answer.headers }) : answer;
}

/** The namespaces the caller can see, as mounts: a service sees its own namespace. */
async function visibleNamespaces(caller: VaultCaller): Promise<string[]> {
  if (caller.type === "service") return [caller.namespace];
  return (await listNamespaces(caller)).map((ns) => ns.name);
}

export async function mounts(request: Request, caller: VaultCaller): Promise<Response> {
  const table = Object.fromEntries(
    (await visibleNamespaces(caller)).map((namespace) => {
      const mount = mountOfNamespace(namespace);
      return [`${mount}/`, mountInfo(mount, namespace)];
    }),
  );
  // Vault before 1.0 put the mounts at the top level too; some clients still read them there.
  return Response.json({ ...table, ...vaultEnvelope(table, request) }, { headers: NO_STORE });
}

/** sys/internal/ui/mounts/<path>: the mount a path is under, or 404 for one the caller cannot see. */
export async function uiMount(request: Request, caller: VaultCaller, path: string[]): Promise<Response> {
  const mount = path.find((part) => part !== "");
  if (!mount) throw new NotFound("name a path: sys/internal/ui/mounts/<mount>/…");
  const namespace = namespaceOfMount(mount);
  if (!(await visibleNamespaces(caller)).includes(namespace)) {
    throw new NotFound(`no mount '${mount.slice(0, 64)}' that this token can see: mounts are Coffer namespaces ('secret' is 'default')`);
  }
  return vaultJson(mountInfo(mount, namespace), request);
}
