import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { authorize } from "../rbac/authorize";
import { findSecretForPolicy, noPolicy } from "./find-policy";
import { toRotationDto, type RotationPolicyDto } from "./rotation-dto";

/** The policy, or null when the secret has none (the console's view). */
export async function findRotationPolicy(actor: Actor, namespace: string, name: string): Promise<RotationPolicyDto | null> {
  return auditedRead(actor, "secret.inspect", async (tx) => {
    await authorize(tx, actor, "secret:inspect", namespace);
    const secret = await findSecretForPolicy(tx, namespace, name);
    const row = await tx.rotationPolicy.findUnique({ where: { secretId: secret.id } });
    return row ? toRotationDto(row, { name, namespace }) : null;
  });
}

/** The policy; 404 when the secret has none (the API's view). */
export async function getRotationPolicy(actor: Actor, namespace: string, name: string): Promise<RotationPolicyDto> {
  const policy = await findRotationPolicy(actor, namespace, name);
  if (!policy) throw noPolicy(namespace, name);
  return policy;
}
