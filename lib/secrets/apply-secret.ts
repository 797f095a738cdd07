// One Secret of an applied manifest: create it, or bring the existing
// secret to what the manifest says. Runs inside applyManifest's transaction.
import { timingSafeEqual } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Conflict } from "../errors";
import { authorize } from "../rbac/authorize";
import { insertSecret } from "./create-secret";
import { findLiveSecretOrThrow, findNamespaceOrThrow } from "./find-secret";
import type { AppliedSecret } from "./kubernetes/manifest-dto.schema";
import type { ManifestSecret } from "./kubernetes/parse-manifest";
import { readVersion } from "./read-version";
import { writeRotation } from "./rotate-secret";
import type { SecretEntries } from "./secret-data";
import { writeLabels } from "./update-secret-labels";

export async function applySecret(tx: Tx, actor: Actor, namespace: string, secret: ManifestSecret): Promise<AppliedSecret> {
  const { name } = secret;
  const ns = await findNamespaceOrThrow(tx, namespace);
  const found = await tx.secret.findUnique({ where: { namespaceId_name: { namespaceId: ns.id, name } }, select: { deletedAt: true } });
  // A deleted secret keeps its name until purged: insertSecret refuses it with the same 409 as create.
  if (!found || found.deletedAt) {
    await authorize(tx, actor, "secret:create", namespace);
    const spec = { name, type: secret.type, labels: secret.labels ?? {}, immutable: secret.immutable ?? false };
    const created = await insertSecret(tx, actor, namespace, spec, secret.entries);
    return { name, action: "created", version: created.version };
  }
  // Authorized before anything is compared: only a caller who may rotate may learn whether the data differs.
  await authorize(tx, actor, "secret:update", namespace);
  const current = await findLiveSecretOrThrow(tx, namespace, name);
  const where = secret.at ? `${secret.at}: ` : "";
  if (current.type !== secret.type) {
    throw new Conflict(
      `${where}secret '${name}' is of type ${current.type} and the manifest says ${secret.type}; a secret's type cannot change (delete it and create it again)`,
    );
  }
  if (secret.immutable !== undefined && secret.immutable !== current.immutable) {
    throw new Conflict(
      `${where}secret '${name}' is ${current.immutable ? "immutable" : "mutable"} and the manifest says immutable: ${secret.immutable}; immutability is set when a secret is created`,
    );
  }
  const dataChanged = !(await holdsSameData(tx, current, secret.entries));
  if (dataChanged && current.immutable) {
    throw new Conflict(`${where}secret '${name}' is immutable and the manifest changes its data; delete it and create it again`);
  }
  const version = dataChanged ? await writeRotation(tx, actor, namespace, current, secret.entries) : current.currentVersion;
  const labelsChanged = secret.labels !== undefined && !sameLabels(current.labels as Record<string, string>, secret.labels);
  if (labelsChanged) await writeLabels(tx, actor, namespace, current, secret.labels!);
  return { name, action: dataChanged ? "rotated" : labelsChanged ? "labels-updated" : "unchanged", version };
}

/**
 * Compares inside the server: the current version is decrypted here and
 * never leaves this function. That makes apply an equality oracle (a
 * caller learns whether a guess equals the stored value from `unchanged`
 * versus `rotated`), which is why it is open only to callers who may
 * rotate the secret anyway (secret:update), and why every apply is
 * audited, unchanged items included. A wrong guess also costs the guesser
 * a rotation that the trail shows.
 */
async function holdsSameData(
  tx: Tx,
  secret: { id: string; name: string; currentVersion: number },
  entries: SecretEntries,
): Promise<boolean> {
  const stored = await readVersion(tx, secret, secret.currentVersion);
  try {
    if (stored.size !== entries.size) return false;
    for (const [key, bytes] of entries) {
      const other = stored.get(key);
      if (!other || other.length !== bytes.length || !timingSafeEqual(other, bytes)) return false;
    }
    return true;
  } finally {
    for (const bytes of stored.values()) bytes.fill(0);
  }
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}
