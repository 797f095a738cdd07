// How to call every API route: its file, its success status, and the fresh
// state one attempt needs. What each role may do is NOT here: that is the
// hand-written table in expected-*.ts, which never reads the product's role
// table. route-table.test.ts fails when a route file has no entry here or
// no row there.
//
// The entries live in route-table-{instance,namespaced,integrations,audit,team,vault}.ts by
// area; this file keeps them in one list, in the order the matrix runs them.
import { APPROVAL_ROUTES } from "./route-table-approvals";
import { AUDIT_ROUTES } from "./route-table-audit";
import type { RouteEntry } from "./route-table-entry";
import { ENCRYPTION_ROUTES, INSTANCE_ROUTES } from "./route-table-instance";
import { MFA_ROUTES } from "./route-table-mfa";
import { PASSKEY_ROUTES } from "./route-table-passkeys";
import { INTEGRATION_ROUTES } from "./route-table-integrations";
import { NAMESPACED_ROUTES } from "./route-table-namespaced";
import { ROTATION_ROUTES } from "./route-table-rotation";
import { TEAM_ROUTES } from "./route-table-team";
import { VAULT_ROUTES } from "./route-table-vault";

export { loadHandler, RUNTIME_FILE, type Call, type Handler, type RouteEntry } from "./route-table-entry";

export const ROUTES: RouteEntry[] = [
  ...INSTANCE_ROUTES,
  ...MFA_ROUTES,
  ...PASSKEY_ROUTES,
  ...NAMESPACED_ROUTES,
  ...ROTATION_ROUTES,
  ...INTEGRATION_ROUTES,
  ...ENCRYPTION_ROUTES,
  ...AUDIT_ROUTES,
  ...TEAM_ROUTES,
  ...VAULT_ROUTES,
  ...APPROVAL_ROUTES,
];

export const routeKey = (entry: Pick<RouteEntry, "method" | "path">) => `${entry.method} ${entry.path}`;

export function routeOf(key: string): RouteEntry {
  const entry = ROUTES.find((r) => routeKey(r) === key);
  if (!entry) throw new Error(`${key} is not in tests/authz/route-table.ts`);
  return entry;
}
