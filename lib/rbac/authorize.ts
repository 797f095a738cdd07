// The one permission check every domain function calls before it reads or
// changes anything.
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Forbidden } from "../errors";
import { PERMISSIONS, type Permission } from "./permissions";

/** A refusal that the audited() wrapper records as an outcome `denied` event. */
export class PermissionDenied extends Forbidden {
  constructor(
    readonly permission: Permission,
    readonly namespace: string | null,
  ) {
    super(`permission ${permission} required${namespace ? ` in namespace ${namespace}` : ""}`);
  }
}

/**
 * The permissions a user holds in `namespace`: global grants always count,
 * namespace grants only for their namespace. Without a namespace, only
 * global grants count (instance-wide actions such as member:manage).
 */
export async function permissionsOf(tx: Tx, userId: string, namespace?: string | null): Promise<Set<Permission>> {
  const bindings = await tx.roleBinding.findMany({
    where: {
      userId,
      user: { disabled: false },
      OR: [{ namespaceId: null }, ...(namespace ? [{ namespace: { name: namespace } }] : [])],
    },
    select: { role: { select: { permissions: true } } },
  });
  return new Set(bindings.flatMap((b) => b.role.permissions as Permission[]));
}

/** What a user's grants give, scope by scope: global, and each namespace where they hold a grant. */
export type ScopedPermissions = { global: Set<Permission>; namespaces: Map<string, Set<Permission>> };

/**
 * The permissions a user's grants give, per scope. A namespace's set
 * includes the global grants, since those count there too. Disabled users
 * are not filtered out: enabling them gives it all back, so whoever acts on
 * them must be measured against what their grants hold.
 */
export async function permissionsByScope(tx: Tx, userId: string): Promise<ScopedPermissions> {
  const bindings = await tx.roleBinding.findMany({
    where: { userId },
    select: { namespace: { select: { name: true } }, role: { select: { permissions: true } } },
  });
  const global = new Set(bindings.filter((b) => !b.namespace).flatMap((b) => b.role.permissions as Permission[]));
  const namespaces = new Map<string, Set<Permission>>();
  for (const b of bindings) {
    if (!b.namespace) continue;
    const set = namespaces.get(b.namespace.name) ?? new Set(global);
    for (const p of b.role.permissions as Permission[]) set.add(p);
    namespaces.set(b.namespace.name, set);
  }
  return { global, namespaces };
}

/** A personal API token narrows what its user holds, never widens it (empty scopes: all of the user's). */
export function narrowedByToken(actor: Actor, held: Set<Permission>): Set<Permission> {
  const scopes = actor.type === "user" ? (actor.token?.scopes ?? []) : [];
  return scopes.length ? new Set([...held].filter((p) => scopes.includes(p))) : held;
}

/**
 * What the actor may do in `namespace` (instance-wide without one): the one
 * answer behind authorize() and behind the console hiding what it would
 * refuse. The system may do everything; a user what their grants give,
 * narrowed by the token they present; anyone else nothing (a service reads
 * through its bindings, not through permissions).
 */
export async function effectivePermissions(tx: Tx, actor: Actor, namespace?: string | null): Promise<Set<Permission>> {
  if (actor.type === "system") return new Set(PERMISSIONS);
  if (actor.type !== "user") return new Set();
  return narrowedByToken(actor, await permissionsOf(tx, actor.id, namespace));
}

export async function authorize(tx: Tx, actor: Actor, permission: Permission, namespace?: string | null) {
  if ((await effectivePermissions(tx, actor, namespace)).has(permission)) return;
  throw new PermissionDenied(permission, namespace ?? null);
}
