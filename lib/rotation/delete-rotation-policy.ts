import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../rbac/authorize";
import { findSecretForPolicy, lockPolicy, noPolicy } from "./find-policy";

/** Stops automatic rotation; the versions it wrote stay. Waits for a rotation running on the secret. */
export async function deleteRotationPolicy(actor: Actor, namespace: string, name: string): Promise<void> {
  await audited(actor, "secret.rotation_delete", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findSecretForPolicy(tx, namespace, name);
    const policy = await lockPolicy(tx, secret.id);
    if (!policy) throw noPolicy(namespace, name);
    await tx.rotationPolicy.delete({ where: { secretId: secret.id } });
    await recordAudit(tx, actor, {
      action: "secret.rotation_delete",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { everySeconds: policy.everySeconds, lastVersion: policy.lastVersion },
    });
  });
}
