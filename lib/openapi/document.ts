// The OpenAPI 3.1 document served at /api/v1/openapi.json. A test checks
// that every route file under app/api/v1 appears here.
import { components } from "./schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const list = (key: string, item: string) => ({
  content: { "application/json": { schema: { type: "object", properties: { [key]: { type: "array", items: ref(item) } } } } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: errorText[code] ?? "error", ...json("Error") }]));
const errorText: Record<number, string> = {
  400: "bad input; the message names the field",
  401: "missing, invalid, expired or revoked token",
  403: "permission denied (audited)",
  404: "unknown namespace or secret",
  409: "conflict: name taken or reserved, immutable secret",
  413: "secret data over COFFER_MAX_SECRET_BYTES",
  429: "throttled; see Retry-After",
};
const ns = { name: "ns", in: "path", required: true, schema: { type: "string" } };
const name = { name: "name", in: "path", required: true, schema: { type: "string" } };
const secured = { security: [{ bearer: [] }] };
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
const auditFilters = ["actor", "action", "resource", "resourceId", "namespace", "outcome", "from", "to", "q"].map((name) => ({ name, in: "query", schema: { type: "string" } }));

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Coffer API", version: "1", description: "Self-hosted secret manager. Values are write-only except through the audited value endpoint." },
    servers: [{ url: serverUrl }],
    components: { schemas: components, securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "personal API token (cfp_…)" },
        serviceToken: { type: "http", scheme: "bearer", description: "service token (cfs_…)" },
      } },
    paths: {
      "/api/health": { get: { summary: "Liveness and database reachability", responses: { 200: { description: "ok" }, 503: { description: "database unreachable" } } } },
      "/api/v1/setup": {
        post: { summary: "Create the first owner with the one-time setup token", requestBody: json("Setup"), responses: { 201: { description: "owner created" }, ...errors(400, 403, 404) } },
      },
      "/api/v1/auth/token": {
        post: { summary: "Exchange email and password for a personal API token", requestBody: json("TokenRequest"), responses: { 201: json("NewToken"), ...errors(400, 401, 429) } },
      },
      "/api/v1/namespaces": {
        get: { ...secured, summary: "Namespaces the caller can see", responses: { 200: list("namespaces", "Namespace"), ...errors(401) } },
        post: { ...secured, summary: "Create a namespace (namespace:manage)", requestBody: json("NamespaceCreate"), responses: { 201: json("Namespace"), ...errors(400, 401, 403, 409) } },
      },
      "/api/v1/namespaces/{ns}/secrets": {
        get: {
          ...secured,
          summary: "List secrets (metadata only)",
          parameters: [ns, { name: "filter", in: "query", schema: { type: "array", items: { type: "string" } }, description: "name=PREFIX, label=KEY or label=KEY=VALUE; repeatable" }],
          responses: { 200: list("secrets", "SecretSummary"), ...errors(400, 401, 403, 404) },
        },
        post: { ...secured, summary: "Create a secret", parameters: [ns], requestBody: json("SecretCreate"), responses: { 201: json("SecretSummary"), ...errors(400, 401, 403, 404, 409, 413) } },
      },
      "/api/v1/namespaces/{ns}/secrets/{name}": {
        get: { ...secured, summary: "Inspect a secret (metadata, versions, docker-shaped inspect)", parameters: [ns, name], responses: { 200: json("SecretDetail"), ...errors(401, 403, 404) } },
        patch: { ...secured, summary: "Replace labels", parameters: [ns, name], requestBody: json("SecretLabels"), responses: { 200: json("SecretDetail"), ...errors(400, 401, 403, 404) } },
        delete: {
          ...secured,
          summary: "Delete into the recovery window; ?purge=true removes a deleted secret for good (secret:purge)",
          parameters: [ns, name, { name: "purge", in: "query", schema: { type: "boolean" } }],
          responses: { 204: { description: "deleted" }, ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/namespaces/{ns}/secrets/{name}/versions": {
        get: { ...secured, summary: "Versions of a secret", parameters: [ns, name], responses: { 200: { description: "versions" }, ...errors(401, 403, 404) } },
        post: { ...secured, summary: "Rotate: new data, new version", parameters: [ns, name], requestBody: json("SecretData"), responses: { 201: json("SecretDetail"), ...errors(400, 401, 403, 404, 409, 413) } },
      },
      "/api/v1/namespaces/{ns}/secrets/{name}/rollback": {
        post: { ...secured, summary: "Roll back: a new version with an old version's data", parameters: [ns, name], requestBody: json("Rollback"), responses: { 200: json("SecretDetail"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/namespaces/{ns}/secrets/{name}/restore": {
        post: { ...secured, summary: "Restore a deleted secret within its recovery window", parameters: [ns, name], responses: { 200: json("SecretDetail"), ...errors(401, 403, 404) } },
      },
      "/api/v1/namespaces/{ns}/secrets/{name}/value": {
        get: {
          ...secured,
          summary: "Reveal values (secret:reveal, API tokens only; audited)",
          parameters: [ns, name, { name: "version", in: "query", schema: { type: "integer" } }],
          responses: { 200: json("SecretValue"), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/namespaces/{ns}/deleted-secrets": {
        get: { ...secured, summary: "Secrets in their recovery window", parameters: [ns], responses: { 200: list("secrets", "DeletedSecret"), ...errors(401, 403, 404) } },
      },
      "/api/v1/namespaces/{ns}/services": {
        get: { ...secured, summary: "List services", parameters: [ns], responses: { 200: list("services", "ServiceSummary"), ...errors(401, 403, 404) } },
        post: { ...secured, summary: "Create a service", parameters: [ns], requestBody: json("ServiceCreate"), responses: { 201: json("ServiceSummary"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/namespaces/{ns}/services/{name}": {
        get: { ...secured, summary: "A service with its bindings, tokens and recent reads", parameters: [ns, name], responses: { 200: json("ServiceDetail"), ...errors(401, 403, 404) } },
        patch: { ...secured, summary: "Rename, describe or relabel", parameters: [ns, name], requestBody: json("ServiceUpdate"), responses: { 200: json("ServiceSummary"), ...errors(400, 401, 403, 404, 409) } },
        delete: { ...secured, summary: "Delete a service with its bindings and tokens", parameters: [ns, name], responses: { 204: { description: "deleted" }, ...errors(401, 403, 404) } },
      },
      "/api/v1/namespaces/{ns}/services/{name}/bindings": {
        get: { ...secured, summary: "Bindings of a service", parameters: [ns, name], responses: { 200: list("bindings", "Binding"), ...errors(401, 403, 404) } },
        post: { ...secured, summary: "Bind a secret (docker --secret-add); needs binding:manage and secret:bind, since the service's tokens read the bound value", parameters: [ns, name], requestBody: json("BindingCreate"), responses: { 201: json("Binding"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/namespaces/{ns}/services/{name}/bindings/{target}": {
        delete: {
          ...secured,
          summary: "Unbind by target or secret name (docker --secret-rm)",
          parameters: [ns, name, { name: "target", in: "path", required: true, schema: { type: "string" } }],
          responses: { 204: { description: "removed" }, ...errors(401, 403, 404) },
        },
      },
      "/api/v1/namespaces/{ns}/services/{name}/tokens": {
        get: { ...secured, summary: "Tokens of a service (never their values)", parameters: [ns, name], responses: { 200: { description: "tokens" }, ...errors(401, 403, 404) } },
        post: { ...secured, summary: "Create a service token (cfs_…, shown once); needs servicetoken:manage and secret:bind, since the token reads every bound value", parameters: [ns, name], responses: { 201: json("NewToken"), ...errors(400, 401, 403, 404) } },
      },
      "/api/v1/namespaces/{ns}/services/{name}/tokens/{id}": {
        delete: {
          ...secured,
          summary: "Revoke a service token",
          parameters: [ns, name, { name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 204: { description: "revoked" }, ...errors(401, 403, 404) },
        },
      },
      "/api/v1/runtime/secrets": {
        get: {
          security: [{ serviceToken: [] }],
          summary: "The calling service's bound secrets with values (base64) and file metadata; audited per secret",
          parameters: [{ name: "If-None-Match", in: "header", schema: { type: "string" } }],
          responses: { 200: json("RuntimeSecrets"), 304: { description: "unchanged since that ETag" }, ...errors(401), 403: { description: "the token's creator no longer holds secret:bind in the namespace", ...json("Error") }, 503: { description: "audit trail unavailable: nothing delivered", ...json("Error") } },
        },
      },
      "/api/v1/namespaces/{ns}": {
        delete: { ...secured, summary: "Delete an empty namespace (namespace:manage); 409 lists what is left", parameters: [ns], responses: { 204: { description: "deleted" }, ...errors(401, 403, 404, 409) } },
      },
      "/api/v1/users": { get: { ...secured, summary: "Members with their grants (member:list)", responses: { 200: list("users", "Member"), ...errors(401, 403) } } },
      "/api/v1/users/{id}": {
        get: { ...secured, summary: "One member (member:list)", parameters: [id], responses: { 200: json("Member"), ...errors(401, 403, 404) } },
        patch: { ...secured, summary: "Disable or enable (member:manage); the last owner cannot be disabled", parameters: [id], requestBody: json("MemberUpdate"), responses: { 200: json("Member"), ...errors(400, 401, 403, 404, 409) } },
        delete: { ...secured, summary: "Remove a member (member:manage); the last owner cannot be removed", parameters: [id], responses: { 204: { description: "removed" }, ...errors(401, 403, 404, 409) } },
      },
      "/api/v1/users/{id}/password-reset": {
        post: { ...secured, summary: "Issue a one-time password-reset token (member:manage)", parameters: [id], responses: { 201: { description: "token, shown once" }, ...errors(401, 403, 404) } },
      },
      "/api/v1/users/{id}/tokens": {
        get: { ...secured, summary: "A member's personal API tokens, metadata only (member:list)", parameters: [id], responses: { 200: list("tokens", "AccessToken"), ...errors(401, 403, 404) } },
      },
      "/api/v1/users/{id}/tokens/{tokenId}": {
        delete: {
          ...secured,
          summary: "Revoke a member's API token (member:manage; only owners act on owners, and the caller must hold every permission the member holds)",
          parameters: [id, { name: "tokenId", in: "path", required: true, schema: { type: "string" } }],
          responses: { 204: { description: "revoked" }, ...errors(401, 403, 404) },
        },
      },
      "/api/v1/me": { get: { ...secured, summary: "The caller's own account and grants, with their permissions", responses: { 200: json("Me"), ...errors(401) } } },
      "/api/v1/password-reset/check": {
        post: { summary: "Check a reset token before use; writes nothing", requestBody: json("PasswordResetCheck"), responses: { 200: json("PasswordResetLink"), ...errors(400, 404) } },
      },
      "/api/v1/password-reset": { post: { summary: "Set a new password with a reset token", requestBody: json("PasswordReset"), responses: { 204: { description: "changed" }, ...errors(400, 404) } } },
      "/api/v1/invites": {
        get: { ...secured, summary: "Invites (member:list)", responses: { 200: list("invites", "Invite"), ...errors(401, 403) } },
        post: { ...secured, summary: "Invite a member (member:manage); the token is shown once", requestBody: json("InviteCreate"), responses: { 201: json("Invite"), ...errors(400, 401, 403, 409) } },
      },
      "/api/v1/invites/{id}": { delete: { ...secured, summary: "Revoke an invite (member:manage)", parameters: [id], responses: { 204: { description: "revoked" }, ...errors(401, 403, 404) } } },
      "/api/v1/invites/accept": { post: { summary: "Accept an invite: set name and password", requestBody: json("InviteAccept"), responses: { 201: { description: "member created" }, ...errors(400, 404, 409) } } },
      "/api/v1/roles": {
        get: { ...secured, summary: "Built-in and custom roles (member:list)", responses: { 200: list("roles", "Role"), ...errors(401, 403) } },
        post: { ...secured, summary: "Create a custom role (role:manage)", requestBody: json("RoleCreate"), responses: { 201: json("Role"), ...errors(400, 401, 403, 409) } },
      },
      "/api/v1/roles/{name}": {
        patch: { ...secured, summary: "Change a custom role (role:manage)", parameters: [name], requestBody: json("RoleUpdate"), responses: { 200: json("Role"), ...errors(400, 401, 403, 404, 409) } },
        delete: { ...secured, summary: "Delete a custom role not in use (role:manage); 409 names its members", parameters: [name], responses: { 204: { description: "deleted" }, ...errors(401, 403, 404, 409) } },
      },
      "/api/v1/role-bindings": {
        get: { ...secured, summary: "Every grant (member:list)", responses: { 200: list("roleBindings", "Grant"), ...errors(401, 403) } },
        post: { ...secured, summary: "Grant a role for one namespace or all (member:manage)", requestBody: json("GrantCreate"), responses: { 201: json("Grant"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/role-bindings/{id}": {
        delete: { ...secured, summary: "Revoke a grant (member:manage); the last owner keeps theirs", parameters: [id], responses: { 204: { description: "revoked" }, ...errors(401, 403, 404, 409) } },
      },
      "/api/v1/audit": {
        get: {
          ...secured,
          summary: "Audit events, newest first, keyset-paginated (audit:read)",
          parameters: [...auditFilters, { name: "cursor", in: "query", schema: { type: "string" } }, { name: "limit", in: "query", schema: { type: "integer", maximum: 500 } }],
          responses: { 200: json("AuditPage"), ...errors(400, 401, 403) },
        },
      },
      "/api/v1/audit/export": {
        get: {
          ...secured,
          summary: "Stream every matching event as CSV or JSONL, oldest first (audit:export; audited)",
          parameters: [...auditFilters, { name: "format", in: "query", schema: { enum: ["csv", "jsonl"] } }],
          responses: { 200: { description: "text/csv or application/x-ndjson" }, ...errors(400, 401, 403) },
        },
      },
      "/api/v1/audit/stats": { get: { ...secured, summary: "Chart data: events per day by outcome, most-read secrets, denials by actor", parameters: auditFilters, responses: { 200: { description: "stats" }, ...errors(400, 401, 403) } } },
      "/api/v1/audit/verify": {
        get: { ...secured, summary: "The latest background verification and its report", responses: { 200: { description: "job and report" }, ...errors(401, 403) } },
        post: {
          ...secured,
          summary: "Verify the log against its Merkle tree and the newest checkpoint held outside the database: `{\"wait\":true}` in this request, else as a background job (202)",
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    wait: { type: "boolean", description: "verify in this request and answer the report" },
                    checkpoint: { type: "string", description: "a checkpoint kept outside (signed note or checkpoint-file text) to compare with instead of the server's file" },
                  },
                },
              },
            },
          },
          responses: { 200: json("LogReport"), 202: { description: "job queued" }, ...errors(400, 401, 403, 409) },
        },
      },
      "/api/v1/audit/checkpoints/latest": {
        get: { ...secured, summary: "The newest signed checkpoint (tree size, root, time), null before the first sealing (audit:read)", responses: { 200: json("LatestCheckpoint"), ...errors(401, 403) } },
      },
      "/api/v1/audit/checkpoints/consistency": {
        get: {
          ...secured,
          summary: "RFC 9162 consistency proof: the tree of `to` leaves extends the tree of `from` (audit:read)",
          parameters: [
            { name: "from", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
            { name: "to", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
          ],
          responses: { 200: json("ConsistencyProof"), ...errors(400, 401, 403) },
        },
      },
      "/api/v1/audit/events/{seq}/proof": {
        get: {
          ...secured,
          summary: "RFC 9162 inclusion proof of one sealed event in the tree of `size` leaves (default: the newest checkpoint) (audit:read)",
          parameters: [
            { name: "seq", in: "path", required: true, schema: { type: "string", pattern: "^\\d{1,19}$" } },
            { name: "size", in: "query", schema: { type: "integer", minimum: 1 } },
          ],
          responses: { 200: json("InclusionProof"), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/audit/public-key": {
        get: { ...secured, summary: "The Ed25519 public key that signs checkpoints (audit:read)", responses: { 200: json("AuditPublicKey"), ...errors(401, 403) } },
      },
      "/api/v1/encryption": {
        get: { ...secured, summary: "Keyring status: keys, rows per key, latest re-wrap job (key:manage)", responses: { 200: { description: "status" }, ...errors(401, 403) } },
        post: {
          ...secured,
          summary: "Start (`{\"action\":\"rewrap\"}`, 202) or cancel (`{\"action\":\"cancel\"}`) the re-wrap job (key:manage)",
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { action: { enum: ["rewrap", "cancel"] } }, required: ["action"] } } } },
          responses: { 200: { description: "cancelled" }, 202: { description: "re-wrap job queued" }, ...errors(400, 401, 403, 409) },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
    } as Record<string, Record<string, unknown>>,
  };
}
