// GET /api/v1/runtime/secrets: the service's bound secrets with their
// values and file metadata. Each delivered secret writes its `secret.read`
// audit event in the same transaction as the read; if that write fails,
// nothing is returned (503): no unaudited read.
//
// Order, so concurrent reads never wait on each other: every
// value is decrypted and the answer built first (reads only); then one
// statement inserts the SecretAccess rows of first reads (existing rows
// are left alone: no row lock; repeat reads are counted after COMMIT in
// batches, lib/secrets/access-counts.ts); then one statement appends all
// the read events. The events go last: an event's sequence number holds
// back the audit sequencer's horizon until COMMIT, so nothing that can
// wait (a first read's insert waits for a rotation of that secret) comes
// after it. A read holds no lock but the foreign-key share locks of its
// first reads' inserts (Secret rows, in id order); a rotation holds one
// Secret row FOR UPDATE and then waits for nothing a read holds, so the
// two may queue but cannot deadlock (runtime-lock-order.int.test.ts and
// runtime-secrets.int.test.ts race them).
import { createHash } from "node:crypto";
import type { ServiceActor } from "../auth/actor";
import { recordAudit, recordAudits } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import type { StoredVersion } from "../crypto";
import { DomainError, Forbidden, NotFound, Unavailable } from "../errors";
import { openVersion } from "../secrets/read-version";
import { countRepeatReads } from "../secrets/access-counts";
import { recordFirstReads, type Reader } from "../secrets/record-access";
import { formatMode } from "./service-rules";
import { tokenCreatorRefusal } from "./token-creator-grant";
import type { DeliveredSecret, RuntimeSecrets } from "../../packages/contracts/src/runtime/delivery";

export type { DeliveredFile, DeliveredSecret } from "../../packages/contracts/src/runtime/delivery";
export type RuntimeDelivery = (RuntimeSecrets & { etag: string }) | { etag: string; notModified: true };

type Binding = {
  id: string;
  target: string;
  uid: number;
  gid: number;
  mode: number;
  envName: string | null;
  key: string | null;
  pinnedVersion: number | null;
  secret: { id: string; name: string; currentVersion: number };
};

/** One query (Prisma's include would make two): this runs on every poll, 304s included. */
async function loadBindings(tx: Tx, serviceId: string): Promise<Binding[]> {
  const rows = await tx.$queryRaw<(Omit<Binding, "secret"> & { secretId: string; secretName: string; currentVersion: number })[]>`
    SELECT b."id", b."target", b."uid", b."gid", b."mode", b."envName", b."key", b."pinnedVersion",
           s."id" AS "secretId", s."name" AS "secretName", s."currentVersion"
    FROM "SecretBinding" b JOIN "Secret" s ON s."id" = b."secretId"
    WHERE b."serviceId" = ${serviceId} AND s."deletedAt" IS NULL
    ORDER BY b."target"`;
  return rows.map(({ secretId, secretName, currentVersion, ...binding }) => ({
    ...binding,
    secret: { id: secretId, name: secretName, currentVersion },
  }));
}

const versionOf = (binding: Binding) => binding.pinnedVersion ?? binding.secret.currentVersion;

/** Every stored version the bindings deliver, in one query, by secret id and version. */
async function loadVersions(tx: Tx, bindings: Binding[]) {
  if (!bindings.length) return new Map<string, StoredVersion>();
  const rows = await tx.secretVersion.findMany({
    where: { OR: bindings.map((b) => ({ secretId: b.secret.id, version: versionOf(b) })) },
    select: { secretId: true, version: true, ciphertext: true, nonce: true, wrappedDek: true, kekName: true },
  });
  return new Map(rows.map((row) => [`${row.secretId}@${row.version}`, row]));
}

/** Changes whenever anything the agent would write changes, without reading a value. */
function etagOf(bindings: Binding[]): string {
  const shape = bindings.map((b) => [b.id, b.target, b.uid, b.gid, b.mode, b.envName, b.key, b.secret.id, versionOf(b)]);
  return `"${createHash("sha256").update(JSON.stringify(shape)).digest("base64url").slice(0, 27)}"`;
}

async function deliver(binding: Binding, stored: Awaited<ReturnType<typeof loadVersions>>): Promise<DeliveredSecret> {
  const version = versionOf(binding);
  const row = stored.get(`${binding.secret.id}@${version}`);
  if (!row) throw new NotFound(`secret '${binding.secret.name}' has no version ${version} (only the newest versions are kept)`);
  const entries = await openVersion(binding.secret, version, row);
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

/** Returns the repeat reads, to count once the transaction has committed. */
async function recordReads(tx: Tx, actor: ServiceActor, reader: Reader, at: Date, bindings: Binding[], delivered: DeliveredSecret[]) {
  const repeats = await recordFirstReads(
    tx,
    bindings.map((b) => b.secret.id),
    reader,
    at,
  );
  await recordAudits(
    tx,
    actor,
    bindings.map((binding, i) => ({
      action: "secret.read",
      resource: { type: "secret", id: binding.secret.id, name: binding.secret.name },
      namespace: actor.namespace,
      details: { version: delivered[i]!.version, target: binding.target, tokenId: actor.tokenId },
    })),
  );
  return repeats;
}

type Outcome = { delivery: RuntimeDelivery; repeats?: Map<string, number> } | { refused: string };

export async function fetchRuntimeSecrets(actor: ServiceActor, ifNoneMatch: string | null): Promise<RuntimeDelivery> {
  const reader: Reader = { type: "service", id: actor.id, label: actor.label };
  const at = new Date();
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
      if (
        ifNoneMatch &&
        ifNoneMatch
          .split(",")
          .map((t) => t.trim())
          .includes(etag)
      )
        return { delivery: { etag, notModified: true as const } };
      const stored = await loadVersions(tx, bindings);
      const secrets: DeliveredSecret[] = [];
      for (const binding of bindings) secrets.push(await deliver(binding, stored));
      const repeats = await recordReads(tx, actor, reader, at, bindings, secrets);
      const [namespace, name] = actor.label.split("/") as [string, string];
      return { delivery: { etag, service: { name, namespace }, secrets }, repeats };
    });
  } catch (error) {
    // An outage answers 503 with Retry-After and is logged once (lib/db/prisma-errors.ts).
    const translated = translatePrismaError(error);
    if (translated instanceof DomainError) throw translated;
    // The audit event or access row could not be written: refuse the read.
    throw new Unavailable("the audit trail is unavailable, so no secret was delivered; try again later");
  }
  // Thrown after the commit, so the denial stays in the trail.
  if ("refused" in outcome) throw new Forbidden(outcome.refused);
  if (outcome.repeats?.size) countRepeatReads(outcome.repeats, reader, at);
  return outcome.delivery;
}
