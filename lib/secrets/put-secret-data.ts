import "server-only";
// Writes as a key/value store sees them (the Vault KV v2 API): one call
// that creates the secret or rotates it, optionally only if its current
// version is the one the caller last saw (check-and-set), and a merge patch
// of the current version's keys. Both are a create or a rotation to the
// audit trail, with the same permissions as the console's.
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { db, type Tx } from "../db/client";
import { BadRequest, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { insertSecret } from "./create-secret";
import { findLiveSecretOrThrow, findNamespaceOrThrow } from "./find-secret";
import { readVersion } from "./read-version";
import { writeRotation } from "./rotate-secret";
import { checkEntries, type SecretEntries } from "./secret-data";
import { secretNameField } from "./secret-rules";

/** What a KV write answers: the version written and what Vault shows beside it. */
export type WrittenVersion = { version: number; createdAt: Date; labels: Record<string, string>; created: boolean };

export class CasMismatch extends BadRequest {
  constructor(expected: number, current: number | null) {
    super(
      `check-and-set parameter did not match the current version: cas is ${expected}, the secret ${current === null ? "does not exist" : `is at version ${current}`}`,
      { field: "options.cas" },
    );
  }
}

function checkCas(cas: number | undefined, current: number | null): void {
  if (cas === undefined) return;
  if (cas !== (current ?? 0)) throw new CasMismatch(cas, current);
}

async function written(tx: Tx, secretId: string, created: boolean): Promise<WrittenVersion> {
  const secret = await tx.secret.findUniqueOrThrow({ where: { id: secretId }, select: { currentVersion: true, labels: true } });
  const { createdAt } = await tx.secretVersion.findUniqueOrThrow({
    where: { secretId_version: { secretId, version: secret.currentVersion } },
    select: { createdAt: true },
  });
  return { version: secret.currentVersion, createdAt, labels: secret.labels as Record<string, string>, created };
}

/**
 * Creates the secret (type Opaque, no labels; needs secret:create) or
 * rotates it (secret:update). `cas` 0 writes only a new secret; n only over
 * version n. A deleted secret's name stays reserved, as in the console.
 */
export async function putSecretData(
  actor: Actor,
  namespace: string,
  name: string,
  data: SecretEntries,
  options: { cas?: number } = {},
): Promise<WrittenVersion> {
  parseInput(secretNameField, name);
  checkEntries("Opaque", data);
  // Only names the denial event, should there be one; the transaction decides.
  const exists = await db.secret.count({ where: { name, deletedAt: null, namespace: { name: namespace } } });
  return audited(actor, exists ? "secret.rotate" : "secret.create", async (tx) => {
    const ns = await findNamespaceOrThrow(tx, namespace);
    const [live] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Secret" WHERE "namespaceId" = ${ns.id} AND "name" = ${name} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!live) {
      await authorize(tx, actor, "secret:create", namespace);
      checkCas(options.cas, null);
      const summary = await insertSecret(tx, actor, namespace, { name, type: "Opaque", labels: {}, immutable: false }, data);
      return written(tx, summary.id, true);
    }
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    checkCas(options.cas, secret.currentVersion);
    await writeRotation(tx, actor, namespace, secret, data);
    return written(tx, secret.id, false);
  });
}

/**
 * A JSON merge patch of the current version (`null` removes a key), written
 * as a new version; needs secret:update only: the merge happens here, and
 * the caller sees no value it did not send.
 */
export async function patchSecretData(
  actor: Actor,
  namespace: string,
  name: string,
  patch: Map<string, Buffer | null>,
  options: { cas?: number } = {},
): Promise<WrittenVersion> {
  return audited(actor, "secret.rotate", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name).catch((error: unknown) => {
      if (error instanceof NotFound)
        throw new NotFound(`secret '${name}' not found in namespace '${namespace}': a patch changes an existing secret`);
      throw error;
    });
    checkCas(options.cas, secret.currentVersion);
    const merged = await readVersion(tx, secret, secret.currentVersion);
    try {
      for (const [key, value] of patch) {
        if (value === null) merged.delete(key);
        else merged.set(key, value);
      }
      await writeRotation(tx, actor, namespace, secret, merged);
    } finally {
      for (const bytes of merged.values()) bytes.fill(0);
    }
    return written(tx, secret.id, false);
  });
}
