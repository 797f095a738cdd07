// GET /api/v1/runtime/secrets: the service's bound secrets with their
// values and file metadata. Each delivered secret writes its `secret.read`
// audit event and its SecretAccess row in the same transaction as the
// read; if that write fails, nothing is returned (503): no unaudited read.
import { createHash } from "node:crypto";
import type { ServiceActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { DomainError, Unavailable } from "../http/errors";
import { readVersion } from "../secrets/read-version";
import { recordSecretAccess } from "../secrets/record-access";
import { formatMode } from "./service-rules";

export type DeliveredFile = { path: string; data: string };
export type DeliveredSecret = {
  secret: string;
  version: number;
  target: string;
  uid: number;
  gid: number;
  mode: string;
  envName: string | null;
  /** "file": one file at `target`; "dir": a directory `target` with one file per key. */
  kind: "file" | "dir";
  files: DeliveredFile[];
};
export type RuntimeDelivery = { etag: string; service: { name: string; namespace: string }; secrets: DeliveredSecret[] } | { etag: string; notModified: true };

type Binding = Awaited<ReturnType<typeof loadBindings>>[number];

function loadBindings(tx: Tx, serviceId: string) {
  return tx.secretBinding.findMany({
    where: { serviceId, secret: { deletedAt: null } },
    orderBy: { target: "asc" },
    include: { secret: { select: { id: true, name: true, currentVersion: true } } },
  });
}

/** Changes whenever anything the agent would write changes, without reading a value. */
function etagOf(bindings: Binding[]): string {
  const shape = bindings.map((b) => [b.id, b.target, b.uid, b.gid, b.mode, b.envName, b.key, b.secret.id, b.pinnedVersion ?? b.secret.currentVersion]);
  return `"${createHash("sha256").update(JSON.stringify(shape)).digest("base64url").slice(0, 27)}"`;
}

async function recordRead(tx: Tx, actor: ServiceActor, binding: Binding, version: number) {
  const now = new Date();
  await recordAudit(tx, actor, {
    action: "secret.read",
    resource: { type: "secret", id: binding.secret.id, name: binding.secret.name },
    namespace: actor.namespace,
    details: { version, target: binding.target, tokenId: actor.tokenId },
  });
  await recordSecretAccess(tx, binding.secret.id, { type: "service", id: actor.id, label: actor.label }, now);
}

async function deliver(tx: Tx, actor: ServiceActor, binding: Binding): Promise<DeliveredSecret> {
  const version = binding.pinnedVersion ?? binding.secret.currentVersion;
  const entries = await readVersion(tx, binding.secret, version);
  await recordRead(tx, actor, binding, version);
  const selected = binding.key ? [[binding.key, entries.get(binding.key)] as const] : [...entries.entries()];
  const single = binding.key !== null || entries.size === 1;
  const files = selected
    .filter((entry): entry is readonly [string, Buffer] => entry[1] !== undefined)
    .map(([key, bytes]) => ({ path: single ? binding.target : `${binding.target}/${key}`, data: bytes.toString("base64") }));
  return {
    secret: binding.secret.name,
    version,
    target: binding.target,
    uid: binding.uid,
    gid: binding.gid,
    mode: formatMode(binding.mode),
    envName: binding.envName,
    kind: single ? "file" : "dir",
    files,
  };
}

export async function fetchRuntimeSecrets(actor: ServiceActor, ifNoneMatch: string | null): Promise<RuntimeDelivery> {
  try {
    return await db.$transaction(async (tx) => {
      const bindings = await loadBindings(tx, actor.id);
      const etag = etagOf(bindings);
      if (ifNoneMatch && ifNoneMatch.split(",").map((t) => t.trim()).includes(etag)) return { etag, notModified: true as const };
      const secrets: DeliveredSecret[] = [];
      for (const binding of bindings) secrets.push(await deliver(tx, actor, binding));
      const [namespace, name] = actor.label.split("/") as [string, string];
      return { etag, service: { name, namespace }, secrets };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // The audit or access record could not be written: refuse the read.
    throw new Unavailable("the audit trail is unavailable, so no secret was delivered; try again later");
  }
}
