// Fresh state for one attempt, arranged as the system actor (or straight in
// the database) so that only the call under test meets authorization.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { addBinding } from "@/lib/services/bindings";
import { createService } from "@/lib/services/manage-services";
import { grantRole } from "@/lib/team/grants";
import { createRole } from "@/lib/team/roles";
import { personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

export const system = systemActor();
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
/** The namespace every namespaced route acts on. */
export const NS = "default";
/** The namespace the third caller of each role is granted in. */
export const OTHER = "other";

export async function secret(value = "matrix-value") {
  const name = unique("s");
  await createSecret(system, NS, { name, stringData: { value } });
  return name;
}

export async function deletedSecret() {
  const name = await secret();
  await deleteSecret(system, NS, name);
  return name;
}

export async function service() {
  const name = unique("svc");
  await createService(system, NS, { name });
  return name;
}

/** A service in `default` with one secret bound to it; the value is what its tokens must read. */
export async function boundService(value = `bound-${randomBytes(4).toString("hex")}`) {
  const name = await service();
  const secretName = await secret(value);
  await addBinding(system, NS, name, { secret: secretName });
  const row = await db.service.findFirstOrThrow({ where: { name, namespace: { name: NS } }, select: { id: true } });
  return { name, id: row.id, secretName, value };
}

/** A member with no grants: acting on them needs only the route's own permission. */
export async function member() {
  return (await createUser(`${unique("m")}@example.com`)).user.id;
}

/** A second global owner (the first is never touched, so the last-owner rule stays out of the way). */
export async function owner(options: { disabled?: boolean } = {}) {
  return (await createUser(`${unique("owner")}@example.com`, [{ role: "owner" }], options)).user.id;
}

/**
 * An editor in `default` who also holds secret:reveal there, through a
 * custom role the system granted: something a global admin does not hold.
 */
export async function revealingEditor() {
  const { user } = await createUser(`${unique("ed")}@example.com`, [{ role: "editor", namespace: NS }]);
  const role = await revealerRole();
  await grantRole(system, { userId: user.id, role, namespace: NS });
  return user.id;
}

/** A custom role holding secret:reveal, made by the system. */
export async function revealerRole() {
  return (await createRole(system, { name: unique("revealer"), permissions: ["secret:list", "secret:reveal"] })).name;
}

/** A custom role with one permission everyone holds. */
export async function plainRole() {
  return (await createRole(system, { name: unique("plain"), permissions: ["secret:list"] })).name;
}

/** A grant the target holds that anyone with member:manage could normally revoke. */
export async function viewerGrantOf(userId: string) {
  return (await grantRole(system, { userId, role: "viewer", namespace: NS })).id;
}

/** One personal API token of the user, by id (for the list/revoke-their-tokens routes). */
export async function tokenOf(userId: string) {
  await personalToken(userId);
  const row = await db.accessToken.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return row.id;
}
