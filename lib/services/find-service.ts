import type { Tx } from "../db/client";
import { NotFound } from "../errors";
import { findNamespaceOrThrow } from "../secrets/find-secret";

export async function findServiceOrThrow(tx: Tx, namespace: string, name: string) {
  const ns = await findNamespaceOrThrow(tx, namespace);
  const service = await tx.service.findUnique({ where: { namespaceId_name: { namespaceId: ns.id, name } } });
  if (!service) throw new NotFound(`service '${name}' not found in namespace '${namespace}'`);
  return { ...service, namespaceName: ns.name };
}
