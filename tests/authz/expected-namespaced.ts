// Hand-written: what each built-in role may do to secrets and services in
// `default`. Columns: granted globally · granted in `default` · granted only in `other`.
// A grant in another namespace never reaches `default`.
import { APPROVALS } from "./expected-approvals";
import { INTEGRATIONS } from "./expected-integrations";
import { ROTATION } from "./expected-rotation";
import type { Rows } from "./expected-rows";

const ns = "/api/v1/namespaces/{ns}";

export const NAMESPACED: Rows = {
  // secret:list — every built-in role reads metadata.
  [`GET ${ns}/secrets`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  [`GET ${ns}/deleted-secrets`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  // secret:inspect
  [`GET ${ns}/secrets/{name}`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  [`GET ${ns}/secrets/{name}/versions`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  // secret:create — owner, admin, editor.
  [`POST ${ns}/secrets`]: {
    owner: "201 201 403",
    admin: "201 201 403",
    editor: "201 201 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  // secret:create for a new secret (secret:update to change one) — owner, admin, editor.
  [`POST ${ns}/manifests`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  // secret:update — owner, admin, editor.
  [`PATCH ${ns}/secrets/{name}`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  [`POST ${ns}/secrets/{name}/versions`]: {
    owner: "201 201 403",
    admin: "201 201 403",
    editor: "201 201 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  [`POST ${ns}/secrets/{name}/rollback`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  // secret:delete — owner, admin, editor.
  [`DELETE ${ns}/secrets/{name}`]: {
    owner: "204 204 403",
    admin: "204 204 403",
    editor: "204 204 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  [`POST ${ns}/secrets/{name}/restore`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  // secret:purge — owner only (admin: "everything except reveal, purge, bind").
  [`DELETE ${ns}/secrets/{name}?purge=true`]: {
    owner: "204 204 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },
  // secret:reveal — owner only.
  [`GET ${ns}/secrets/{name}/value`]: {
    owner: "200 200 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "403 403 403",
  },

  // service:list, service:inspect — every built-in role.
  [`GET ${ns}/services`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  [`GET ${ns}/services/{name}`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  [`GET ${ns}/services/{name}/bindings`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  [`GET ${ns}/services/{name}/tokens`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  // service:create|update|delete — everyone but viewer and auditor.
  [`POST ${ns}/services`]: {
    owner: "201 201 403",
    admin: "201 201 403",
    editor: "201 201 403",
    operator: "201 201 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "201 201 403",
  },
  [`PATCH ${ns}/services/{name}`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "200 200 403",
  },
  [`DELETE ${ns}/services/{name}`]: {
    owner: "204 204 403",
    admin: "204 204 403",
    editor: "204 204 403",
    operator: "204 204 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "204 204 403",
  },
  // Binding is a read in disguise — binding:manage AND secret:bind.
  // Only owner and deployer hold secret:bind; admin, editor and operator do not.
  [`POST ${ns}/services/{name}/bindings`]: {
    owner: "201 201 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "201 201 403",
  },
  // Removing a binding: binding:manage only.
  [`DELETE ${ns}/services/{name}/bindings/{target}`]: {
    owner: "204 204 403",
    admin: "204 204 403",
    editor: "204 204 403",
    operator: "204 204 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "204 204 403",
  },
  // A service token reads every bound value — servicetoken:manage AND secret:bind.
  [`POST ${ns}/services/{name}/tokens`]: {
    owner: "201 201 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "201 201 403",
  },
  // Revoking a service token: servicetoken:manage only (editor does not hold it).
  [`DELETE ${ns}/services/{name}/tokens/{id}`]: {
    owner: "204 204 403",
    admin: "204 204 403",
    editor: "403 403 403",
    operator: "204 204 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "204 204 403",
  },
  ...INTEGRATIONS,
  ...ROTATION,
  ...APPROVALS,
};

/**
 * GET /api/v1/runtime/secrets with a service token (of a service in
 * `default` with one bound secret) whose creator is the caller. It reads only while its creator holds secret:bind in the
 * service's namespace, so a token an operator or admin made is refused.
 */
export const RUNTIME_BY_CREATOR = {
  owner: "200 200 403",
  admin: "403 403 403",
  editor: "403 403 403",
  operator: "403 403 403",
  viewer: "403 403 403",
  auditor: "403 403 403",
  deployer: "200 200 403",
} satisfies Rows[string];
