import type { Tx } from "../db/client";
import { NotFound } from "../errors";

export async function findNamespaceOrThrow(tx: Tx, namespace: string) {
  const found = await tx.namespace.findUnique({ where: { name: namespace }, select: { id: true, name: true } });
  if (!found) throw new NotFound(`namespace '${namespace}' not found`);
  return found;
}

/** A secret that is not deleted, locked for the rest of the transaction. */
export async function findLiveSecretOrThrow(tx: Tx, namespace: string, name: string) {
  const ns = await findNamespaceOrThrow(tx, namespace);
  // FOR UPDATE: two rotations of one secret must not both take version n+1.
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Secret" WHERE "namespaceId" = ${ns.id} AND "name" = ${name} AND "deletedAt" IS NULL FOR UPDATE`;
  if (!row) throw new NotFound(`secret '${name}' not found in namespace '${namespace}'`);
  return tx.secret.findUniqueOrThrow({ where: { id: row.id } });
}
