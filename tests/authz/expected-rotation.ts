// Hand-written: who may see and change a secret's rotation policy in
// `default` (columns as in expected-namespaced.ts). Part of NAMESPACED.
// A policy with a rotator also needs secret:reveal (tests/http/rotation.int.test.ts);
// the matrix sets one without.
import type { Rows } from "./expected-rows";

const ns = "/api/v1/namespaces/{ns}";

const updaters = (ok: number) => ({
  owner: `${ok} ${ok} 403`,
  admin: `${ok} ${ok} 403`,
  editor: `${ok} ${ok} 403`,
  operator: "403 403 403",
  viewer: "403 403 403",
  auditor: "403 403 403",
  deployer: "403 403 403",
});

export const ROTATION: Rows = {
  // secret:inspect — every built-in role.
  [`GET ${ns}/secrets/{name}/rotation`]: {
    owner: "200 200 403",
    admin: "200 200 403",
    editor: "200 200 403",
    operator: "200 200 403",
    viewer: "200 200 403",
    auditor: "200 200 403",
    deployer: "200 200 403",
  },
  // secret:update — owner, admin, editor.
  [`PUT ${ns}/secrets/{name}/rotation`]: updaters(200),
  [`DELETE ${ns}/secrets/{name}/rotation`]: updaters(204),
  [`POST ${ns}/secrets/{name}/rotation/run`]: updaters(200),
};
