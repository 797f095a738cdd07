import type { Permission } from "@/lib/rbac/permissions";

const VERBS: Partial<Record<Permission, string>> = {
  "service:list": "list services",
  "service:inspect": "inspect services",
  "service:create": "create services",
  "service:update": "change services",
  "service:delete": "delete services",
  "binding:manage": "manage the bindings of services",
  "secret:bind": "bind secrets to services or create their tokens (secret:bind, which grants reading the bound values)",
  "servicetoken:manage": "manage service tokens",
  "secret:list": "list secrets",
};

/** "You do not have permission to create services in namespace prod." */
export function serviceDeniedMessage(permission: Permission, namespace: string | null): string {
  const verb = VERBS[permission] ?? `use ${permission}`;
  return `You do not have permission to ${verb}${namespace ? ` in namespace ${namespace}` : ""}.`;
}
