import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { integrationSelect, toIntegrationInfos, type IntegrationInfo } from "./integration-dto";

/**
 * The namespace's integrations, newest first, revoked ones included (greyed
 * out in the console). Needs integration:manage: the list is what someone
 * who revokes them needs, and who holds a namespace's credentials is not
 * for every viewer.
 */
export async function listIntegrations(actor: Actor, namespace: string): Promise<IntegrationInfo[]> {
  return auditedRead(actor, "integration.list", async (tx) => {
    await authorize(tx, actor, "integration:manage", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const rows = await tx.integration.findMany({
      where: { namespaceId: ns.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: integrationSelect,
    });
    return toIntegrationInfos(tx, namespace, rows);
  });
}
