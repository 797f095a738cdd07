// Hand-written: what each built-in role may do to a namespace's integrations
// in `default` (columns as in expected-namespaced.ts). Part of NAMESPACED.
import type { Rows } from "./expected-rows";

const ns = "/api/v1/namespaces/{ns}";

export const INTEGRATIONS: Rows = {
  // integration:manage — owner, admin, deployer.
  [`GET ${ns}/integrations`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "200 200 403",
  },
  // A docker-swarm integration reads every bound secret of the namespace —
  // integration:manage AND secret:bind, so admin is refused.
  [`POST ${ns}/integrations`]: {
    owner: "201 201 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "201 201 403",
  },
  // A kubernetes-kms integration reads no secret: integration:manage only.
  [`POST ${ns}/integrations?kind=kubernetes-kms`]: {
    owner: "201 201 403",
    admin: "201 201 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "201 201 403",
  },
  // Renewing mints a token: create's rules, so docker-swarm needs secret:bind too.
  [`POST ${ns}/integrations/{id}/token`]: {
    owner: "200 200 403",
    admin: "403 403 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "200 200 403",
  },
  [`POST ${ns}/integrations/{id}/token?kind=kubernetes-kms`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "200 200 403",
  },
  [`DELETE ${ns}/integrations/{id}`]: {
    owner: "204 204 403",
    admin: "204 204 403",
    editor: "403 403 403",
    operator: "403 403 403",
    viewer: "403 403 403",
    auditor: "403 403 403",
    deployer: "204 204 403",
  },
};
