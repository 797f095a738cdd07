// Permissions grouped by resource, in lib/rbac/permissions' order. Pure
// data from lib/rbac/permissions: safe in client components.
import { PERMISSION_LABELS, PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

export const RESOURCE_ORDER = [
  "secret",
  "service",
  "binding",
  "servicetoken",
  "integration",
  "member",
  "role",
  "audit",
  "key",
  "namespace",
] as const;

const RESOURCE_LABELS: Record<string, string> = {
  secret: "Secrets",
  service: "Services",
  binding: "Bindings",
  servicetoken: "Service tokens",
  integration: "Integrations",
  member: "Members",
  role: "Roles",
  audit: "Audit",
  key: "Keys",
  namespace: "Namespaces",
};

export type PermissionGroup = { resource: string; label: string; permissions: Permission[] };

function resourceOf(permission: string): string {
  return permission.split(":")[0] ?? permission;
}

/** `permissions` (default: all) grouped by resource; empty groups left out. */
export function groupPermissions(permissions: readonly string[] = PERMISSIONS): PermissionGroup[] {
  const wanted = new Set(permissions);
  const resources = [...RESOURCE_ORDER, ...new Set(PERMISSIONS.map(resourceOf))].filter((r, i, all) => all.indexOf(r) === i);
  return resources
    .map((resource) => ({
      resource,
      label: RESOURCE_LABELS[resource] ?? resource,
      permissions: PERMISSIONS.filter((p) => resourceOf(p) === resource && wanted.has(p)),
    }))
    .filter((group) => group.permissions.length > 0);
}

/** "list", "manage": the verb is all a group's chip needs to say. */
export function verbOf(permission: string): string {
  return permission.split(":")[1] ?? permission;
}

/**
 * What a permission really hands out, when its name undersells it (for
 * secret:bind: reading values through a service's tokens); else null.
 */
export function permissionWarning(permission: string): string | null {
  return PERMISSION_LABELS[permission as Permission] ?? null;
}
