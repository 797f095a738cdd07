import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../rbac/authorize";
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
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    const deletedAt = new Date();
    await tx.secret.update({ where: { id: secret.id }, data: { deletedAt, deletedById: actor.id } });
    const until = purgeAfter(deletedAt).toISOString();
    await recordAudit(tx, actor, {
      action: "secret.delete",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { purgeAfter: until },
    });
    return { purgeAfter: until };
  });
}
