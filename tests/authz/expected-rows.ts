// The shape of the hand-written expectations: for each route, for each
// built-in role, three statuses for three callers holding that role:
//   granted globally · granted in `default` (where the routes act) · granted only in `other`.
// Written by hand from the roles' documented permissions, never computed from
// lib/rbac/permissions.ts: the matrix is evidence, not a mirror.

/** The built-in roles, named by hand; route-table.test.ts fails when the product has one more. */
export const ROLES = ["owner", "admin", "editor", "operator", "viewer", "auditor", "deployer"] as const;
export type RoleName = (typeof ROLES)[number];

export const SCOPES = ["global", "default", "other"] as const;
export type Scope = (typeof SCOPES)[number];

/** "201 201 403": global, default, other. */
export type Row = Record<RoleName, string>;
export type Rows = Record<string, Row>;

export function statusesOf(row: Row, role: RoleName): Record<Scope, number> {
  const [global, inDefault, other] = row[role].trim().split(/\s+/).map(Number) as [number, number, number];
  return { global, default: inDefault, other };
}
