import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { newSecretId } from "../db/ids";
import { Conflict } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { createSecretSchema, type CreateSecretInput } from "./create-secret.schema";
import { findNamespaceOrThrow } from "./find-secret";
import { checkEntries, entriesFromInput, type SecretEntries } from "./secret-data";
import { summarySelect, toSummary, type SecretSummary } from "./secret-dto";
import type { SecretType } from "./secret-types";
import { writeVersion } from "./write-version";

/**
 * Creates a secret with its first version. `entries` lets the console pass
 * bytes it already has (an uploaded file, a generated value) without a
 * base64 round trip; otherwise `data`/`stringData` are used.
 */
export async function createSecret(
  actor: Actor,
  namespace: string,
  input: CreateSecretInput,
  entries?: SecretEntries,
): Promise<SecretSummary> {
  const spec = parseInput(createSecretSchema, input);
  const data = entries ?? entriesFromInput(spec);
  checkEntries(spec.type, data);
  return audited(actor, "secret.create", async (tx) => {
    await authorize(tx, actor, "secret:create", namespace);
    return insertSecret(tx, actor, namespace, spec, data);
  });
}

export type NewSecret = { name: string; type: SecretType; labels: Record<string, string>; immutable: boolean; expiresAt?: Date | null };

/**
 * The work of a create inside the caller's transaction, authorized by the
 * caller: the secret, its first version and its audit event. A manifest
 * of several Secrets (lib/secrets/kubernetes) runs it once per Secret in
 * one transaction, so they are created all or none.
 */
export async function insertSecret(tx: Tx, actor: Actor, namespace: string, spec: NewSecret, data: SecretEntries): Promise<SecretSummary> {
  const ns = await findNamespaceOrThrow(tx, namespace);
  const taken = await tx.secret.findUnique({
    where: { namespaceId_name: { namespaceId: ns.id, name: spec.name } },
    select: { deletedAt: true },
  });
  if (taken?.deletedAt) {
    throw new Conflict(`secret '${spec.name}' was deleted and its name is reserved until it is purged; restore it or purge it first`, {
      field: "name",
    });
  }
  if (taken) throw new Conflict(`secret '${spec.name}' already exists in namespace '${namespace}'`, { field: "name" });
  const id = newSecretId();
  await tx.secret.create({
    data: {
      id,
      namespaceId: ns.id,
      name: spec.name,
      type: spec.type,
      labels: spec.labels,
      immutable: spec.immutable,
      expiresAt: spec.expiresAt ?? null,
      currentVersion: 1,
      createdById: actor.id,
    },
  });
  await writeVersion(tx, actor, id, 1, data);
  const created = await tx.secret.findUniqueOrThrow({ where: { id }, select: summarySelect });
  await recordAudit(tx, actor, {
    action: "secret.create",
    resource: { type: "secret", id, name: spec.name },
    namespace,
    details: {
      type: spec.type,
      version: 1,
      keys: [...data.keys()].sort(),
      immutable: spec.immutable,
      ...(spec.expiresAt ? { expiresAt: spec.expiresAt.toISOString() } : {}),
    },
  });
  return toSummary(created);
}
