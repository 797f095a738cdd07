// The Vault KV v2-compatible API at the server root (/v1), for the clients
// that already speak Vault (hvac, node-vault, vault-agent, External Secrets
// Operator): a mount is a Coffer namespace (`secret` is `default`), a
// secret's keys are the KV `data` map, its versions the KV versions. Field
// names are Vault's. Errors are Vault's `{"errors":[…]}`, not Coffer's
// Error body, so they are declared here per status rather than through
// `errors`. Vault's LIST method arrives as GET with `list=true` (the server
// turns one into the other), which is how it is declared.
import { kvMetadataBodySchema, kvPatchBodySchema, kvVersionsBodySchema, kvWriteBodySchema } from "../../vault/kv-bodies.schema";
import {
  kvKeyListSchema,
  kvMetadataSchema,
  kvReadSchema,
  kvWrittenSchema,
  vaultErrorsSchema,
  vaultHealthSchema,
  vaultMountsSchema,
  vaultTokenLookupAnswerSchema,
  vaultUiMountAnswerSchema,
} from "../../vault/vault-dto.schema";
import { answer, component, pathParameter, type Operation, type Parameter, type ResponseSpec } from "../operation";

const VaultErrors = component("VaultErrors", vaultErrorsSchema);
const REFUSAL: Record<number, string> = {
  400: "bad input (a CAS mismatch, a body that is not an object, a name with more segments, an unsupported setting); the message names it",
  403: "permission denied: no token, an unknown, revoked or expired one, an integration token (cfi_), or a permission the caller lacks (audited)",
  404: "unknown mount, secret or version",
  413: "secret data over COFFER_MAX_SECRET_BYTES",
  429: "throttled; see Retry-After",
  503: "unavailable (the database or the audit trail); see Retry-After",
};
/** Vault-shaped error answers for the given statuses. */
const refusals = (...statuses: number[]): Record<number, ResponseSpec> =>
  Object.fromEntries(statuses.map((status) => [status, answer(REFUSAL[status]!, VaultErrors)]));

const mount = { ...pathParameter("mount"), description: "a Coffer namespace; `secret` (Vault's default mount) is `default`" };
const name = { ...pathParameter("name"), description: "a secret name (no `/`): a longer path is 404 on reads, 400 on writes" };
const vaultNamespace: Parameter = {
  name: "X-Vault-Namespace",
  in: "header",
  description: "Vault Enterprise namespaces do not exist in Coffer: only empty or `root` is accepted, anything else is 400",
  schema: { type: "string", enum: ["", "root"] },
};
const list: Parameter = {
  name: "list",
  in: "query",
  required: true,
  description: "`true`: list keys (what Vault's LIST method sends)",
  schema: { type: "string", enum: ["true"] },
};

const data = "/v1/{mount}/data/{name}";
const metadata = "/v1/{mount}/metadata";

const KvWrite = component("VaultKvWrite", kvWriteBodySchema);
const KvVersions = component("VaultKvVersions", kvVersionsBodySchema);
const KvMetadataWrite = component("VaultKvMetadataWrite", kvMetadataBodySchema);
const KvWritten = answer("the version written", component("VaultKvWritten", kvWrittenSchema));

/** A KV operation: the Vault token, the mount and name parameters and the namespace header. */
function kv(op: Omit<Operation, "auth" | "parameters"> & { parameters?: Parameter[] }): Operation {
  return {
    ...op,
    auth: "vaultToken",
    parameters: [mount, ...(op.path.endsWith("{name}") ? [name] : []), ...(op.parameters ?? []), vaultNamespace],
  };
}

const write = (method: "post" | "put"): Operation =>
  kv({
    method,
    path: data,
    summary:
      "Create a secret (secret:create, type Opaque) or rotate it to a new version (secret:update); values are strings. options.cas: 0 = only if absent, N = only if the current version is N (else 400, nothing written). A person's token only",
    body: KvWrite,
    responses: { 200: KvWritten, ...refusals(400, 403, 404, 413, 429) },
  });

const versions = (method: "post" | "put", path: string, summary: string): Operation =>
  kv({ method, path, summary, body: KvVersions, responses: { 204: { description: "done" }, ...refusals(400, 403, 404) } });

const setMetadata = (method: "post" | "put"): Operation =>
  kv({
    method,
    path: `${metadata}/{name}`,
    summary:
      'Set custom_metadata, which are the secret\'s labels (secret:update). max_versions, cas_required and delete_version_after are accepted only at 0, false and "0s" (Coffer keeps versions by its own retention), else 400 naming the field',
    body: KvMetadataWrite,
    responses: { 204: { description: "labels set" }, ...refusals(400, 403, 404) },
  });

const perVersionDelete = (method: "post" | "put"): Operation =>
  kv({
    method,
    path: "/v1/{mount}/delete/{name}",
    summary: "Vault's per-version delete: not supported, since Coffer deletes a whole secret (DELETE data/{name}); always 400",
    body: KvVersions,
    responses: refusals(400, 403),
  });

const revokeSelf = (method: "post" | "put"): Operation => ({
  method,
  path: "/v1/auth/token/revoke-self",
  auth: "vaultToken",
  summary: "Revoke the calling token (personal or service): it is refused from the next call",
  parameters: [vaultNamespace],
  responses: { 204: { description: "revoked" }, ...refusals(403) },
});

export const vaultOperations: Operation[] = [
  kv({
    method: "get",
    path: data,
    summary:
      "Read a secret's keys. A service token: only a secret bound to its service, in its own namespace, only the keys its bindings deliver, the binding's version by default (audited secret.read, in the reverse lookup). A person's token: needs secret:reveal (audited secret.reveal)",
    parameters: [
      {
        name: "version",
        in: "query",
        description: "a stored version; 0 or absent: the current one (a service: its binding's)",
        schema: { type: "integer", minimum: 0 },
      },
    ],
    responses: {
      200: answer("the keys and the version's metadata", component("VaultKvRead", kvReadSchema)),
      ...refusals(400, 403, 404, 429, 503),
    },
  }),
  write("post"),
  write("put"),
  kv({
    method: "patch",
    path: data,
    summary:
      "A JSON merge patch of the current version's keys (null removes a key) as a new version (secret:update); options.cas honoured; 404 if the secret does not exist. application/merge-patch+json, as Vault clients send it, is read the same",
    body: component("VaultKvPatch", kvPatchBodySchema),
    responses: { 200: KvWritten, ...refusals(400, 403, 404, 413, 429) },
  }),
  kv({
    method: "delete",
    path: data,
    summary:
      "Coffer's recoverable delete of the whole secret (secret:delete): reads are 404 until undelete, or until the recovery window ends and it is purged",
    responses: { 204: { description: "deleted" }, ...refusals(400, 403, 404) },
  }),
  kv({
    method: "get",
    path: metadata,
    summary:
      "List the mount's secret names (LIST metadata/): a person's token needs secret:list; a service token sees its bound secrets. No names is 404, as in Vault",
    parameters: [list],
    responses: { 200: answer("names", component("VaultKeyList", kvKeyListSchema)), ...refusals(400, 403, 404) },
  }),
  kv({
    method: "get",
    path: `${metadata}/{name}`,
    summary:
      "A secret's versions and custom_metadata (its labels): secret:inspect, or a service token for its bound secrets. With list=true: 404, since names hold no `/`",
    parameters: [{ ...list, required: false }],
    responses: { 200: answer("metadata", component("VaultKvMetadata", kvMetadataSchema)), ...refusals(400, 403, 404) },
  }),
  setMetadata("post"),
  setMetadata("put"),
  kv({
    method: "delete",
    path: `${metadata}/{name}`,
    summary: "A live secret: recoverable delete (secret:delete); an already deleted one: purged (secret:purge)",
    responses: { 204: { description: "deleted, or purged" }, ...refusals(400, 403, 404) },
  }),
  versions(
    "post",
    "/v1/{mount}/undelete/{name}",
    "Restore a deleted secret with all its versions (secret:delete); the versions listed do not narrow it. A live secret: 204, nothing changes",
  ),
  versions(
    "put",
    "/v1/{mount}/undelete/{name}",
    "Restore a deleted secret with all its versions (secret:delete); the versions listed do not narrow it. A live secret: 204, nothing changes",
  ),
  versions(
    "post",
    "/v1/{mount}/destroy/{name}",
    "Purge a deleted secret for good (secret:purge); `versions` must list every stored version. A live secret is 400: delete it first",
  ),
  versions(
    "put",
    "/v1/{mount}/destroy/{name}",
    "Purge a deleted secret for good (secret:purge); `versions` must list every stored version. A live secret is 400: delete it first",
  ),
  perVersionDelete("post"),
  perVersionDelete("put"),
  {
    method: "get",
    path: "/v1/sys/health",
    auth: "public",
    summary: "Vault's health probe, no token: 200 when serving, 501 before setup, 503 (sealed: true) when the database is unreachable",
    responses: {
      200: answer("serving", component("VaultHealth", vaultHealthSchema)),
      501: answer("not set up yet (initialized: false)", component("VaultHealth", vaultHealthSchema)),
      503: answer("database unreachable (sealed: true)", component("VaultHealth", vaultHealthSchema)),
    },
  },
  {
    method: "get",
    path: "/v1/sys/mounts",
    auth: "vaultToken",
    summary:
      "The mounts the caller can see, each a KV v2 mount: a person's, the namespaces where they hold secret:list; a service's, its namespace (default is listed as secret/)",
    parameters: [vaultNamespace],
    responses: { 200: answer("mounts", component("VaultMounts", vaultMountsSchema)), ...refusals(403) },
  },
  {
    method: "get",
    path: "/v1/sys/internal/ui/mounts/{path}",
    auth: "vaultToken",
    summary:
      'What the Vault CLI and vault-agent ask before a KV call: the mount of a path, options.version "2". An unknown mount, or one the caller cannot see, is 404',
    parameters: [{ ...pathParameter("path"), description: "a mount, optionally followed by a path in it" }, vaultNamespace],
    responses: { 200: answer("the mount", component("VaultUiMount", vaultUiMountAnswerSchema)), ...refusals(403, 404) },
  },
  {
    method: "get",
    path: "/v1/auth/token/lookup-self",
    auth: "vaultToken",
    summary:
      "The calling token, as Vault describes one; `id` is the token the request carried, as in Vault, and no other token is ever shown. meta.coffer_kind says which kind it is",
    parameters: [vaultNamespace],
    responses: { 200: answer("the token", component("VaultTokenLookup", vaultTokenLookupAnswerSchema)), ...refusals(403) },
  },
  revokeSelf("post"),
  revokeSelf("put"),
];
