// The sentence a console page or form shows when lib refused for want of a
// permission: one table for every feature, so a refusal reads the same
// wherever it happens.
import type { Permission } from "@/lib/rbac/permissions";

// A permission without a phrase is named as it is ("use key:manage").
const VERBS: Partial<Record<Permission, string>> = {
  "secret:list": "list secrets",
  "secret:inspect": "inspect secrets",
  "secret:create": "create secrets",
  "secret:update": "change secrets",
  "secret:delete": "delete or restore secrets",
  "secret:reveal": "reveal secret values",
  "secret:purge": "purge deleted secrets",
  // Said in full: the name alone undersells that binding grants reading.
  "secret:bind": "bind secrets to services or create their tokens (secret:bind, which grants reading the bound values)",
  "service:list": "list services",
  "service:inspect": "inspect services",
  "service:create": "create services",
  "service:update": "change services",
  "service:delete": "delete services",
  "binding:manage": "manage the bindings of services",
  "servicetoken:manage": "manage service tokens",
  "member:list": "see the team",
  "member:manage": "manage members, invites and grants",
  "role:manage": "manage roles",
  "audit:read": "read the audit log",
  "audit:export": "export the audit log",
  "key:manage": "manage the encryption keys",
  "namespace:manage": "manage namespaces",
};

/** "You do not have permission to create secrets in namespace prod." */
export function deniedMessage(permission: Permission, namespace: string | null): string {
  const verb = VERBS[permission] ?? `use ${permission}`;
  return `You do not have permission to ${verb}${namespace ? ` in namespace ${namespace}` : ""}.`;
}
