// GET /api/v1/runtime/secrets: the service's bound secrets with their
// values and file metadata. Each delivered secret writes its `secret.read`
// audit event and its SecretAccess row in the same transaction as the
// read; if that write fails, nothing is returned (503): no unaudited read.
//
// Lock order (issue 11 finding 4): first every value is decrypted and the
// answer built (reads only), then all SecretAccess rows in one statement
// (row locks), then the audit events (the chain's lock) last. A rotation
// takes the secret row and then the audit lock, in the same order, so the
// two queue instead of deadlocking.
import { createHash } from "node:crypto";
import type { ServiceActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { DomainError, Forbidden, Unavailable } from "../http/errors";
import { readVersion } from "../secrets/read-version";
import { recordSecretAccesses } from "../secrets/record-access";
import { formatMode } from "./service-rules";
import { tokenCreatorRefusal } from "./token-creator-grant";

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

async function deliver(tx: Tx, binding: Binding): Promise<DeliveredSecret> {
  const version = binding.pinnedVersion ?? binding.secret.currentVersion;
  const entries = await readVersion(tx, binding.secret, version);
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

/** Row locks first, the audit chain's lock last (see the top of this file). */
async function recordReads(tx: Tx, actor: ServiceActor, bindings: Binding[], delivered: DeliveredSecret[]) {
  await recordSecretAccesses(tx, bindings.map((b) => b.secret.id), { type: "service", id: actor.id, label: actor.label });
  for (const [i, binding] of bindings.entries()) {
    await recordAudit(tx, actor, {
      action: "secret.read",
      resource: { type: "secret", id: binding.secret.id, name: binding.secret.name },
      namespace: actor.namespace,
      details: { version: delivered[i]!.version, target: binding.target, tokenId: actor.tokenId },
    });
  }
}

type Outcome = RuntimeDelivery | { refused: string };

export async function fetchRuntimeSecrets(actor: ServiceActor, ifNoneMatch: string | null): Promise<RuntimeDelivery> {
  let outcome: Outcome;
  try {
    outcome = await db.$transaction(async (tx): Promise<Outcome> => {
      const refusal = await tokenCreatorRefusal(tx, actor);
      if (refusal) {
        await recordAudit(tx, actor, {
          action: "secret.read",
          outcome: "denied",
          resource: { type: "service", id: actor.id, name: actor.label.split("/")[1] ?? actor.label },
          namespace: actor.namespace,
          details: { reason: refusal.reason, permission: "secret:bind", tokenId: actor.tokenId },
        });
        return { refused: refusal.message };
      }
      const bindings = await loadBindings(tx, actor.id);
      const etag = etagOf(bindings);
      if (ifNoneMatch && ifNoneMatch.split(",").map((t) => t.trim()).includes(etag)) return { etag, notModified: true as const };
      const secrets: DeliveredSecret[] = [];
      for (const binding of bindings) secrets.push(await deliver(tx, binding));
      await recordReads(tx, actor, bindings, secrets);
      const [namespace, name] = actor.label.split("/") as [string, string];
      return { etag, service: { name, namespace }, secrets };
    });
  } catch (error) {
    // An outage answers 503 with Retry-After and is logged once (lib/db/prisma-errors.ts).
    const translated = translatePrismaError(error);
    if (translated instanceof DomainError) throw translated;
    // The audit or access record could not be written: refuse the read.
    throw new Unavailable("the audit trail is unavailable, so no secret was delivered; try again later");
  }
  // Thrown after the commit, so the denial stays in the trail.
  if ("refused" in outcome) throw new Forbidden(outcome.refused);
  return outcome;
}
