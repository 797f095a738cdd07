import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { narrowedByToken, permissionsByScope } from "../rbac/authorize";
import type { Permission } from "../rbac/permissions";

export type Holds = (permission: Permission, namespace: string | null) => boolean;

/**
 * What a person holds, scope by scope, in one query: enough to say which
 * requests they could decide without a query per request. A token narrows
 * it as it narrows authorize(); anyone but a user holds nothing here.
 */
export async function heldPermissions(tx: Tx, actor: Actor): Promise<{ holds: Holds; scopes: ScopedHeld }> {
  if (actor.type !== "user") return { holds: () => false, scopes: { global: new Set(), namespaces: new Map() } };
  const scoped = await permissionsByScope(tx, actor.id);
  const global = narrowedByToken(actor, scoped.global);
  const namespaces = new Map([...scoped.namespaces].map(([ns, set]) => [ns, narrowedByToken(actor, set)]));
  const holds: Holds = (permission, namespace) => (namespace === null ? global : (namespaces.get(namespace) ?? global)).has(permission);
  return { holds, scopes: { global, namespaces } };
}

export type ScopedHeld = { global: Set<Permission>; namespaces: Map<string, Set<Permission>> };
