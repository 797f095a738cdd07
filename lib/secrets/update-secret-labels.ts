import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import type { Tx } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findLiveSecretOrThrow } from "./find-secret";
import { secretDetail } from "./get-secret";
import type { SecretDetail } from "./secret-dto";
import { labelsField } from "./secret-rules";

export const labelsSchema = z.object({ labels: labelsField });

/** Replaces the labels; allowed on immutable secrets too (Kubernetes does the same). */
export async function updateSecretLabels(actor: Actor, namespace: string, name: string, input: unknown): Promise<SecretDetail> {
  const { labels } = parseInput(labelsSchema, input);
  return audited(actor, "secret.label", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    await writeLabels(tx, actor, namespace, secret, labels);
    return secretDetail(tx, secret.id);
  });
}

/** The work of a label change inside the caller's transaction (authorized by the caller); apply runs it too. */
export async function writeLabels(
  tx: Tx,
  actor: Actor,
  namespace: string,
  secret: { id: string; name: string; labels: unknown },
  labels: Record<string, string>,
): Promise<void> {
  await tx.secret.update({ where: { id: secret.id }, data: { labels, metaVersion: { increment: 1 }, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "secret.label",
    resource: { type: "secret", id: secret.id, name: secret.name },
    namespace,
    details: { before: secret.labels as Record<string, string>, after: labels },
  });
}
