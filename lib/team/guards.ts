// Rules that keep an instance governable: someone can always administer
// it, and nobody can hand out more than they hold.
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Conflict, Forbidden } from "../http/errors";
import { permissionsOf } from "../rbac/authorize";
import { OWNER_ROLE_ID } from "../rbac/permissions";

/** Active users holding the owner role for all namespaces. */
export async function globalOwnerIds(tx: Tx): Promise<string[]> {
  const rows = await tx.roleBinding.findMany({
    where: { roleId: OWNER_ROLE_ID, namespaceId: null, user: { disabled: false } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Refuses a change that would leave no active global owner. `losing` is the
 * user who would stop being one (removed, disabled or demoted).
 */
export async function assertNotLastOwner(tx: Tx, losing: string, what: string): Promise<void> {
  // Serialise owner changes so two admins cannot demote each other at once.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x6f776e6572n})`;
  const owners = await globalOwnerIds(tx);
  if (owners.length === 1 && owners[0] === losing) {
    throw new Conflict(`cannot ${what}: this is the last owner; make another member owner first`);
  }
}

/** The actor must hold every permission it grants, in the scope it grants them. */
export async function assertCanGrant(tx: Tx, actor: Actor, permissions: string[], namespace: string | null): Promise<void> {
  if (actor.type === "system") return;
  if (actor.type !== "user") throw new Forbidden("only members can grant roles");
  const held = await permissionsOf(tx, actor.id, namespace);
  const missing = permissions.find((p) => !held.has(p as never));
  if (missing) throw new Forbidden(`you cannot grant '${missing}'${namespace ? ` in namespace ${namespace}` : ""}: you do not hold it yourself`);
}
