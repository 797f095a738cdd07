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
import { expiresAtField } from "./create-secret.schema";
import { labelsField } from "./secret-rules";

export const labelsSchema = z
  .object({ labels: labelsField.optional(), expiresAt: expiresAtField.optional() })
  .refine((body) => body.labels !== undefined || body.expiresAt !== undefined, { message: "labels or expiresAt is required" });

/** Replaces the labels and/or the expiry date; allowed on immutable secrets too (Kubernetes does the same for labels). */
export async function updateSecretLabels(actor: Actor, namespace: string, name: string, input: unknown): Promise<SecretDetail> {
  const { labels, expiresAt } = parseInput(labelsSchema, input);
  return audited(actor, labels ? "secret.label" : "secret.expiry_set", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    if (labels) await writeLabels(tx, actor, namespace, secret, labels);
    if (expiresAt !== undefined) await writeExpiry(tx, actor, namespace, secret, expiresAt);
    return secretDetail(tx, secret.id);
  });
}

/** issue 18: the date the console and the daily `secret.expiring` event warn about; null clears it. */
async function writeExpiry(
  tx: Tx,
  actor: Actor,
  namespace: string,
  secret: { id: string; name: string; expiresAt: Date | null },
  expiresAt: Date | null,
) {
  await tx.secret.update({ where: { id: secret.id }, data: { expiresAt, metaVersion: { increment: 1 }, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "secret.expiry_set",
    resource: { type: "secret", id: secret.id, name: secret.name },
    namespace,
    details: { before: secret.expiresAt?.toISOString() ?? null, after: expiresAt?.toISOString() ?? null },
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
