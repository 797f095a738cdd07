// Rules that keep an instance governable: someone can always administer
// it, and nobody can hand out more than they hold.
import type { Actor } from "../auth/actor";
import { RefusedOn } from "../audit/audited";
import { db, type Tx } from "../db/client";
import { LOCKS, lockUntilCommit } from "../db/locks";
import { Conflict, Forbidden } from "../errors";
import { effectivePermissions, narrowedByToken as throughToken, permissionsByScope } from "../rbac/authorize";
import { OWNER_ROLE_ID, type Permission } from "../rbac/permissions";

/** Active users holding the owner role for all namespaces. */
export async function globalOwnerIds(tx: Tx): Promise<string[]> {
  const rows = await tx.roleBinding.findMany({
    where: { roleId: OWNER_ROLE_ID, namespaceId: null, user: { disabled: false } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/** Whether the user holds the owner role for all namespaces (and is active). */
export async function isGlobalOwner(userId: string, tx: Tx = db): Promise<boolean> {
  const row = await tx.roleBinding.findFirst({
    where: { userId, roleId: OWNER_ROLE_ID, namespaceId: null, user: { disabled: false } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Refuses a change that would leave no active global owner. `losing` is the
 * user who would stop being one (removed, disabled or demoted).
 */
export async function assertNotLastOwner(tx: Tx, losing: string, what: string): Promise<void> {
  await lockUntilCommit(tx, LOCKS.owners);
  const owners = await globalOwnerIds(tx);
  if (owners.length === 1 && owners[0] === losing) {
    throw new Conflict(`cannot ${what}: this is the last owner; make another member owner first`);
  }
}

/** The actor must hold every permission it grants, in the scope it grants them. */
export async function assertCanGrant(
  tx: Tx,
  actor: Actor,
  permissions: string[],
  namespace: string | null,
  refusal = (missing: string) =>
    `you cannot grant '${missing}'${namespace ? ` in namespace ${namespace}` : ""}: you do not hold it yourself`,
): Promise<void> {
  if (actor.type === "system") return;
  if (actor.type !== "user") throw new Forbidden("only members can grant roles");
  const held = await effectivePermissions(tx, actor, namespace);
  const missing = permissions.find((p) => !held.has(p as never));
  if (missing) throw new Forbidden(refusal(missing));
}

/** The member acted on: their id, and the email the refusal names. */
export type Target = { id: string; email: string };

const firstMissing = (wanted: Set<Permission>, held: Set<Permission>) => [...wanted].find((p) => !held.has(p));

/**
 * Why the actor may not act on the target ("disable", "reset the password
 * of"…), or null when it may. Kubernetes' escalate rule: only owners act on
 * owners, and the actor holds everything the target holds, scope by scope;
 * otherwise resetting a password or revoking a grant would be a way to
 * borrow rights one does not have.
 */
export async function actingRefusal(tx: Tx, actor: Actor, target: Target, what: string): Promise<string | null> {
  if (actor.type === "system") return null;
  const refuse = (why: string) => `you cannot ${what} ${target.email}: ${why}`;
  if (actor.type !== "user") return refuse("only members act on members");
  // Acting on oneself borrows nothing: a namespace owner may list or revoke
  // their own tokens. The actions that need more (granting oneself a role)
  // are still held to assertCanGrant.
  if (actor.id === target.id && !actor.token?.scopes.length) return null;
  const owners = await tx.roleBinding.findMany({
    where: { roleId: OWNER_ROLE_ID, userId: { in: [actor.id, target.id] } },
    select: { userId: true, namespaceId: true },
  });
  const targetIsOwner = owners.some((o) => o.userId === target.id);
  const actorIsOwner = owners.some((o) => o.userId === actor.id && o.namespaceId === null);
  if (targetIsOwner && !actorIsOwner) return refuse("only owners act on owners");

  const theirs = await permissionsByScope(tx, target.id);
  const mine = await permissionsByScope(tx, actor.id);
  const globalHeld = throughToken(actor, mine.global);
  const missing = firstMissing(theirs.global, globalHeld);
  if (missing) return refuse(`they hold ${missing}, which you do not`);
  for (const [namespace, wanted] of theirs.namespaces) {
    const held = throughToken(actor, mine.namespaces.get(namespace) ?? mine.global);
    const lacking = firstMissing(wanted, held);
    if (lacking) return refuse(`they hold ${lacking} in namespace ${namespace}, which you do not`);
  }
  return null;
}

/** actingRefusal() as a 403, recorded as denied with the target by audited(). */
export async function assertMayActOn(tx: Tx, actor: Actor, target: Target, what: string): Promise<void> {
  const reason = await actingRefusal(tx, actor, target, what);
  if (reason) throw new RefusedOn(reason, { type: "user", id: target.id, name: target.email });
}
