// Hand-written: who may call the approval routes (issue 16 §3). Requests
// here are to delete a secret in `default`: secret:delete is held by
// owner, admin and editor. Columns as in expected-namespaced.ts.
import type { Rows } from "./expected-rows";

const ns = "/api/v1/namespaces/{ns}";

const each = (all: string, some: string, holders: readonly string[]) => ({
  owner: holders.includes("owner") ? some : all,
  admin: holders.includes("admin") ? some : all,
  editor: holders.includes("editor") ? some : all,
  operator: holders.includes("operator") ? some : all,
  viewer: holders.includes("viewer") ? some : all,
  auditor: holders.includes("auditor") ? some : all,
  deployer: holders.includes("deployer") ? some : all,
});

const deleters = ["owner", "admin", "editor"];
const everyRole = ["owner", "admin", "editor", "operator", "viewer", "auditor", "deployer"];

export const APPROVALS: Rows = {
  // Everyone lists: what they see is filtered, never refused.
  "GET /api/v1/approvals": each("200 200 200", "200 200 200", everyRole),
  // The requester must hold the action's permission where it happens.
  "POST /api/v1/approvals": each("403 403 403", "201 201 403", deleters),
  // Visible to those who could decide it; anyone else gets a 404.
  "GET /api/v1/approvals/{id}": each("404 404 404", "200 200 404", deleters),
  // A decider holds the action's permission where it happens.
  "POST /api/v1/approvals/{id}/approve": each("403 403 403", "200 200 403", deleters),
  "POST /api/v1/approvals/{id}/deny": each("403 403 403", "200 200 403", deleters),
  // The requester only: here the first member, the global owner caller (see route-table-approvals.ts);
  // escalation rows have an editor cancel their own.
  "POST /api/v1/approvals/{id}/cancel": each("403 403 403", "200 403 403", ["owner"]),
  // Any role in the namespace reads its policy; namespace:manage sets it.
  [`GET ${ns}/approval-policy`]: each("200 200 403", "200 200 403", everyRole),
  [`PUT ${ns}/approval-policy`]: each("403 403 403", "200 200 403", ["owner", "admin"]),
  // The instance policy: any global grant reads it, key:manage sets it.
  "GET /api/v1/approval-policy": each("200 403 403", "200 403 403", everyRole),
  "PUT /api/v1/approval-policy": each("403 403 403", "200 403 403", ["owner", "admin"]),
};
