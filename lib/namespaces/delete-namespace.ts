import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { Conflict } from "../errors";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";

/** Only an empty namespace can go; `default` always stays. */
export async function deleteNamespace(actor: Actor, name: string): Promise<void> {
  await audited(actor, "namespace.delete", async (tx) => {
    await authorize(tx, actor, "namespace:manage");
    const ns = await findNamespaceOrThrow(tx, name);
    if (name === "default") throw new Conflict("namespace 'default' cannot be deleted");
    // One query at a time: a transaction is one connection.
    const secrets = await tx.secret.count({ where: { namespaceId: ns.id } });
    const services = await tx.service.count({ where: { namespaceId: ns.id } });
    if (secrets || services) {
      const left = [
        secrets ? `${secrets} secret${secrets === 1 ? "" : "s"} (deleted ones included until purged)` : "",
        services ? `${services} service${services === 1 ? "" : "s"}` : "",
      ].filter(Boolean);
      throw new Conflict(`namespace '${name}' is not empty: it still holds ${left.join(" and ")}`);
    }
    await tx.namespace.delete({ where: { id: ns.id } });
    await recordAudit(tx, actor, { action: "namespace.delete", resource: { type: "namespace", id: ns.id, name }, namespace: name });
  });
}
