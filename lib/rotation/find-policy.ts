import type { Tx } from "../db/client";
import { NotFound } from "../errors";
import { findNamespaceOrThrow } from "../secrets/find-secret";

/** A live secret by name, without a row lock: policy changes lock the policy row, never the secret's (see run-rotation.ts). */
export async function findSecretForPolicy(tx: Tx, namespace: string, name: string) {
  const ns = await findNamespaceOrThrow(tx, namespace);
  const secret = await tx.secret.findFirst({ where: { namespaceId: ns.id, name, deletedAt: null } });
  if (!secret) throw new NotFound(`secret '${name}' not found in namespace '${namespace}'`);
  return secret;
}

/** The secret's policy, locked for the rest of the transaction (it waits for a rotation running on it). */
export async function lockPolicy(tx: Tx, secretId: string) {
  const rows = await tx.$queryRaw<{ secretId: string }[]>`
    SELECT "secretId" FROM "RotationPolicy" WHERE "secretId" = ${secretId} FOR UPDATE`;
  return rows.length ? tx.rotationPolicy.findUniqueOrThrow({ where: { secretId } }) : null;
}

export const noPolicy = (namespace: string, name: string) =>
  new NotFound(`secret '${name}' in namespace '${namespace}' has no rotation policy`);
