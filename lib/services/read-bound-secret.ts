// One bound secret, read by its service's token through the Vault KV v2
// API (/v1): the same grant as the runtime API (a binding, and a token
// whose creator still holds secret:bind), the same `secret.read` event in
// the same transaction, the same reverse-lookup row. A secret that is not
// bound is refused whether or not it exists, so a token learns nothing
// about the rest of its namespace; the refusal is audited.
import type { ServiceActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { Forbidden } from "../errors";
import { countRepeatReads } from "../secrets/access-counts";
import { readVersionWithTime } from "../secrets/read-version";
import { recordFirstReads, type Reader } from "../secrets/record-access";
import type { SecretEntries } from "../secrets/secret-data";
import { unauditedReadFailure } from "../secrets/unaudited-read-failure";
import { tokenCreatorRefusal } from "./token-creator-grant";

type BoundSecret = {
  id: string;
  name: string;
  currentVersion: number;
  labels: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  /** The version a read without `?version` gets: the current one, unless every binding pins one. */
  defaultVersion: number;
  /** The keys the bindings deliver; null: all of them. */
  keys: Set<string> | null;
};

export type BoundRead = { name: string; version: number; entries: SecretEntries; createdAt: Date; labels: Record<string, string> };

const serviceName = (actor: ServiceActor) => actor.label.split("/")[1] ?? actor.label;

/** The service's bindings of `name`, folded into one grant; null when none. One query: a KV read is as hot as a runtime poll. */
async function boundSecret(tx: Tx, actor: ServiceActor, name: string): Promise<BoundSecret | null> {
  type Row = { key: string | null; pinnedVersion: number | null } & Omit<BoundSecret, "defaultVersion" | "keys">;
  const bindings = await tx.$queryRaw<Row[]>`
    SELECT b."key", b."pinnedVersion", s."id", s."name", s."currentVersion", s."labels", s."createdAt", s."updatedAt"
    FROM "SecretBinding" b JOIN "Secret" s ON s."id" = b."secretId"
    WHERE b."serviceId" = ${actor.id} AND s."name" = ${name} AND s."deletedAt" IS NULL`;
  if (!bindings.length) return null;
  const { id, currentVersion, labels, createdAt, updatedAt } = bindings[0]!;
  const pins = bindings.map((b) => b.pinnedVersion);
  const defaultVersion = pins.includes(null) ? currentVersion : Math.max(...(pins as number[]));
  const keys = bindings.some((b) => b.key === null) ? null : new Set(bindings.map((b) => b.key!));
  return { id, name: bindings[0]!.name, currentVersion, labels, createdAt, updatedAt, defaultVersion, keys };
}

type Refusal = { refused: string };

/** Audits a refusal in `tx` and returns it, to throw once the transaction has committed. */
async function refuse(tx: Tx, actor: ServiceActor, name: string, reason: string, message: string): Promise<Refusal> {
  await recordAudit(tx, actor, {
    action: "secret.read",
    outcome: "denied",
    resource: { type: "secret", id: null, name },
    namespace: actor.namespace,
    details: { reason, api: "vault", tokenId: actor.tokenId },
  });
  return { refused: `permission denied: ${message}` };
}

/** The grant check every bound read and listing shares: the namespace, then the token's creator. */
async function grantRefusal(tx: Tx, actor: ServiceActor, namespace: string, name: string): Promise<Refusal | null> {
  if (namespace !== actor.namespace) {
    return refuse(tx, actor, name, "other_namespace", `service '${actor.label}' reads only its own namespace '${actor.namespace}'`);
  }
  const creator = await tokenCreatorRefusal(tx, actor);
  return creator ? refuse(tx, actor, name, creator.reason, creator.message) : null;
}

async function inRefusableTransaction<T extends object>(work: (tx: Tx) => Promise<T | Refusal>): Promise<T> {
  let outcome: T | Refusal;
  try {
    outcome = await db.$transaction(work);
  } catch (error) {
    throw unauditedReadFailure(error);
  }
  // Thrown after the commit, so the denial stays in the trail.
  if ("refused" in outcome) throw new Forbidden(outcome.refused);
  return outcome;
}

/** `version` absent: the binding's version. Any stored version of a bound secret may be asked for. */
export async function readBoundSecret(actor: ServiceActor, namespace: string, name: string, version?: number): Promise<BoundRead> {
  const reader: Reader = { type: "service", id: actor.id, label: actor.label };
  const at = new Date();
  const { read, repeats } = await inRefusableTransaction(async (tx) => {
    const refusal = await grantRefusal(tx, actor, namespace, name);
    if (refusal) return refusal;
    const secret = await boundSecret(tx, actor, name);
    if (!secret) return refuse(tx, actor, name, "not_bound", `secret '${name}' is not bound to service '${serviceName(actor)}'`);
    const wanted = version ?? secret.defaultVersion;
    const { entries: all, createdAt } = await readVersionWithTime(tx, secret, wanted);
    const entries = secret.keys ? new Map([...all].filter(([key]) => secret.keys!.has(key))) : all;
    const repeats = await recordFirstReads(tx, [secret.id], reader, at);
    await recordAudit(tx, actor, {
      action: "secret.read",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { version: wanted, api: "vault", tokenId: actor.tokenId, keys: [...entries.keys()].sort() },
    });
    return { read: { name, version: wanted, entries, createdAt, labels: secret.labels }, repeats };
  });
  if (repeats.size) countRepeatReads(repeats, reader, at);
  return read;
}

export type BoundMetadata = Omit<BoundSecret, "defaultVersion" | "keys"> & { versions: { version: number; createdAt: Date }[] };

/** A bound secret's metadata (versions, labels): what ESO's metadataPolicy Fetch reads. No value. */
export async function inspectBoundSecret(actor: ServiceActor, namespace: string, name: string): Promise<BoundMetadata> {
  return inRefusableTransaction(async (tx) => {
    const refusal = await grantRefusal(tx, actor, namespace, name);
    if (refusal) return refusal;
    const secret = await boundSecret(tx, actor, name);
    if (!secret) return refuse(tx, actor, name, "not_bound", `secret '${name}' is not bound to service '${serviceName(actor)}'`);
    const versions = await tx.secretVersion.findMany({
      where: { secretId: secret.id },
      orderBy: { version: "asc" },
      select: { version: true, createdAt: true },
    });
    await recordAudit(tx, actor, {
      action: "secret.inspect",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { api: "vault", tokenId: actor.tokenId },
    });
    const { id, name: secretName, currentVersion, labels, createdAt, updatedAt } = secret;
    return { id, name: secretName, currentVersion, labels, createdAt, updatedAt, versions };
  });
}

/** The names of the secrets bound to the service: all a service may list. */
export async function listBoundSecretNames(actor: ServiceActor, namespace: string): Promise<string[]> {
  const { names } = await inRefusableTransaction(async (tx) => {
    const refusal = await grantRefusal(tx, actor, namespace, "");
    if (refusal) return refusal;
    const rows = await tx.secret.findMany({
      where: { deletedAt: null, bindings: { some: { serviceId: actor.id } } },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    await recordAudit(tx, actor, {
      action: "secret.list",
      resource: { type: "service", id: actor.id, name: serviceName(actor) },
      namespace,
      details: { api: "vault", tokenId: actor.tokenId, count: rows.length },
    });
    return { names: rows.map((row) => row.name) };
  });
  return names;
}
