import type { Permission } from "@/lib/rbac/permissions";

const VERBS: Partial<Record<Permission, string>> = {
  "secret:list": "list secrets",
  "secret:inspect": "inspect secrets",
  "secret:create": "create secrets",
  "secret:update": "change secrets",
  "secret:delete": "delete or restore secrets",
  "secret:purge": "purge deleted secrets",
};

/** "You do not have permission to create secrets in namespace prod." */
export function deniedMessage(permission: Permission, namespace: string | null): string {
  const verb = VERBS[permission] ?? `use ${permission}`;
  return `You do not have permission to ${verb}${namespace ? ` in namespace ${namespace}` : ""}.`;
}
