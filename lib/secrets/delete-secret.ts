import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { Conflict } from "../errors";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { findLiveSecretOrThrow } from "./find-secret";
import { purgeAfter } from "./recovery-window";

/**
 * Deletes into the recovery window: the secret disappears from lists and
 * can no longer be read, but can be restored until it is purged, and its
 * name stays reserved meanwhile.
 */
export async function deleteSecret(actor: Actor, namespace: string, name: string): Promise<{ purgeAfter: string }> {
  return audited(actor, "secret.delete", async (tx) => {
    await authorize(tx, actor, "secret:delete", namespace);
    const approval = await requireApproval(tx, actor, { action: "secret.delete", namespace, target: { secret: name } });
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    const users = await tx.secretBinding.findMany({
      where: { secretId: secret.id },
      select: { service: { select: { name: true } } },
      distinct: ["serviceId"],
      orderBy: { service: { name: "asc" } },
    });
    if (users.length)
      throw new Conflict(
        inUseMessage(
          name,
          users.map((u) => u.service.name),
        ),
      );
    const deletedAt = new Date();
    await tx.secret.update({ where: { id: secret.id }, data: { deletedAt, deletedById: actor.id } });
    const until = purgeAfter(deletedAt).toISOString();
    await recordAudit(tx, actor, {
      action: "secret.delete",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { purgeAfter: until, ...(approval ? { approval } : {}) },
    });
    return { purgeAfter: until };
  });
}

/** Docker's words, so scripts that match on them keep working. */
export function inUseMessage(secret: string, services: string[]): string {
  return services.length === 1
    ? `secret '${secret}' is in use by the following service: ${services[0]}`
    : `secret '${secret}' is in use by the following services: ${services.join(", ")}`;
}
