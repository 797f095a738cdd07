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
import type { StoredVersion } from "../crypto";
import { Forbidden, NotFound } from "../errors";
import { openVersion } from "../secrets/read-version";
import { countRepeatReads } from "../secrets/access-counts";
import { recordFirstReads, type Reader } from "../secrets/record-access";
import { unauditedReadFailure } from "../secrets/unaudited-read-failure";
import { formatMode } from "./service-rules";
import { tokenCreatorRefusal } from "./token-creator-grant";
import type { DeliveredSecret, RuntimeSecrets } from "../../packages/contracts/src/runtime/delivery";

export type { DeliveredFile, DeliveredSecret } from "../../packages/contracts/src/runtime/delivery";
/**
 * What the JSON answer leaves out and a Kubernetes Secret manifest needs
 * (runtime-manifest.ts): one per delivered secret, `keys[i]` naming
 * `files[i]`'s key. Never serialized into the JSON answer.
 */
export type DeliverySource = { type: string; labels: Record<string, string>; immutable: boolean; keys: string[] };
export type RuntimeDelivery = (RuntimeSecrets & { etag: string; sources: DeliverySource[] }) | { etag: string; notModified: true };

type Binding = {
  id: string;
  target: string;
  uid: number;
  gid: number;
  mode: number;
  envName: string | null;
  key: string | null;
  pinnedVersion: number | null;
  secret: { id: string; name: string; currentVersion: number; type: string; labels: Record<string, string>; immutable: boolean };
};

/** One query (Prisma's include would make two): this runs on every poll, 304s included. */
async function loadBindings(tx: Tx, serviceId: string): Promise<Binding[]> {
  type Row = Omit<Binding, "secret"> & { secretId: string; secretName: string } & Omit<Binding["secret"], "id" | "name">;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT b."id", b."target", b."uid", b."gid", b."mode", b."envName", b."key", b."pinnedVersion",
           s."id" AS "secretId", s."name" AS "secretName", s."currentVersion", s."type", s."labels", s."immutable"
    FROM "SecretBinding" b JOIN "Secret" s ON s."id" = b."secretId"
    WHERE b."serviceId" = ${serviceId} AND s."deletedAt" IS NULL
    ORDER BY b."target"`;
  return rows.map(({ secretId, secretName, currentVersion, type, labels, immutable, ...binding }) => ({
    ...binding,
    secret: { id: secretId, name: secretName, currentVersion, type, labels, immutable },
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

/**
 * Changes whenever anything the agent would write changes, without reading a value.
 * A `variant` (another representation: a Kubernetes manifest) gets ETags of its own,
 * which also change with what only it shows: type, labels, immutable.
 */
function etagOf(bindings: Binding[], variant?: string): string {
  const base = bindings.map((b) => [b.id, b.target, b.uid, b.gid, b.mode, b.envName, b.key, b.secret.id, versionOf(b)]);
  const shape = variant ? [variant, base, bindings.map((b) => [b.secret.type, b.secret.labels, b.secret.immutable])] : base;
  return `"${createHash("sha256").update(JSON.stringify(shape)).digest("base64url").slice(0, 27)}"`;
}

type Delivered = { secret: DeliveredSecret; source: DeliverySource };

async function deliver(binding: Binding, stored: Awaited<ReturnType<typeof loadVersions>>): Promise<Delivered> {
  const version = versionOf(binding);
  const row = stored.get(`${binding.secret.id}@${version}`);
  if (!row) throw new NotFound(`secret '${binding.secret.name}' has no version ${version} (only the newest versions are kept)`);
  const entries = await openVersion(binding.secret, version, row);
  const selected = binding.key ? [[binding.key, entries.get(binding.key)] as const] : [...entries.entries()];
  const single = binding.key !== null || entries.size === 1;
  const present = selected.filter((entry): entry is readonly [string, Buffer] => entry[1] !== undefined);
  const files = present.map(([key, bytes]) => ({
    path: single ? binding.target : `${binding.target}/${key}`,
    data: bytes.toString("base64"),
  }));
  const { type, labels, immutable } = binding.secret;
  const source = { type, labels, immutable, keys: present.map(([key]) => key) };
  const secret: DeliveredSecret = {
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
  return { secret, source };
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

/** `variant` names another representation of the answer (runtime-manifest.ts), for its own ETags. */
export async function fetchRuntimeSecrets(actor: ServiceActor, ifNoneMatch: string | null, variant?: string): Promise<RuntimeDelivery> {
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
      const etag = etagOf(bindings, variant);
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
      const sources: DeliverySource[] = [];
      for (const binding of bindings) {
        const delivered = await deliver(binding, stored);
        secrets.push(delivered.secret);
        sources.push(delivered.source);
      }
      const repeats = await recordReads(tx, actor, reader, at, bindings, secrets);
      const [namespace, name] = actor.label.split("/") as [string, string];
      return { delivery: { etag, service: { name, namespace }, secrets, sources }, repeats };
    });
  } catch (error) {
    throw unauditedReadFailure(error);
  }
  // Thrown after the commit, so the denial stays in the trail.
  if ("refused" in outcome) throw new Forbidden(outcome.refused);
  if (outcome.repeats?.size) countRepeatReads(outcome.repeats, reader, at);
  return outcome.delivery;
}
