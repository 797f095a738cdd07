import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";

/** Revokes at once: the next delivery or KMS call with its token is a 401. Revoking twice is a no-op. */
export async function revokeIntegration(actor: Actor, namespace: string, id: string): Promise<void> {
  await audited(actor, "integration.revoke", async (tx) => {
    await authorize(tx, actor, "integration:manage", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const row = await tx.integration.findFirst({ where: { id, namespaceId: ns.id } });
    if (!row) throw new NotFound(`namespace '${namespace}' has no integration '${id}'`);
    if (row.revokedAt) return;
    await tx.integration.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "integration.revoke",
      resource: { type: "integration", id: row.id, name: row.name },
      namespace,
      details: { kind: row.kind, prefix: row.prefix },
    });
  });
}
