import type { Permission } from "@/lib/rbac/permissions";

const VERBS: Partial<Record<Permission, string>> = {
  "member:list": "see the team",
  "member:manage": "manage members, invites and grants",
  "role:manage": "manage roles",
  "namespace:manage": "manage namespaces",
};

/** "You do not have permission to manage roles." */
export function teamDeniedMessage(permission: Permission, namespace: string | null): string {
  const verb = VERBS[permission] ?? `use ${permission}`;
  return `You do not have permission to ${verb}${namespace ? ` in namespace ${namespace}` : ""}.`;
}
