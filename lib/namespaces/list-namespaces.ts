import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { Unauthorized } from "../errors";

export type NamespaceInfo = { name: string; createdAt: string };

/** The namespaces the actor can see: all with a global grant, else those it holds grants in. */
export async function listNamespaces(actor: Actor): Promise<NamespaceInfo[]> {
  if (actor.type === "anonymous") throw new Unauthorized();
  const where =
    actor.type === "system"
      ? {}
      : await db.roleBinding
          .findMany({ where: { userId: actor.id, user: { disabled: false } }, select: { namespaceId: true } })
          .then((grants) => (grants.some((g) => g.namespaceId === null) ? {} : { id: { in: grants.map((g) => g.namespaceId!) } }));
  const rows = await db.namespace.findMany({ where, orderBy: { name: "asc" }, select: { name: true, createdAt: true } });
  return rows.map((row) => ({ name: row.name, createdAt: row.createdAt.toISOString() }));
}
