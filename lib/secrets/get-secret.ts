import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import type { Tx } from "../db/client";
import { NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "./find-secret";
import type { KeyInfo } from "./secret-data";
import { summarySelect, toInspect, toSummary, type SecretDetail, type VersionInfo } from "./secret-dto";

/** Versions, newest first, with the email of whoever wrote each. */
export async function versionInfos(tx: Tx, secretId: string, currentVersion: number): Promise<VersionInfo[]> {
  const rows = await tx.secretVersion.findMany({
    where: { secretId },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, createdById: true, keys: true, sizeBytes: true },
  });
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const authors = new Map(
    (await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  );
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? (authors.get(row.createdById) ?? "deleted user") : null,
    keys: row.keys as KeyInfo[],
    sizeBytes: row.sizeBytes,
    current: row.version === currentVersion,
  }));
}

async function reverseLookup(tx: Tx, secretId: string, currentVersion: number) {
  const bindings = await tx.secretBinding.findMany({
    where: { secretId },
    orderBy: [{ service: { name: "asc" } }, { target: "asc" }],
    select: { target: true, pinnedVersion: true, service: { select: { name: true } } },
  });
  const reads = await tx.secretAccess.findMany({ where: { secretId }, orderBy: { lastReadAt: "desc" } });
  return {
    boundServices: bindings.map((b) => ({
      service: b.service.name,
      target: b.target,
      version: b.pinnedVersion ?? currentVersion,
      pinned: b.pinnedVersion !== null,
    })),
    reads: reads.map((r) => ({
      readerType: r.readerType,
      readerLabel: r.readerLabel,
      firstReadAt: r.firstReadAt.toISOString(),
      lastReadAt: r.lastReadAt.toISOString(),
      count: r.count,
    })),
  };
}

export async function secretDetail(tx: Tx, secretId: string): Promise<SecretDetail> {
  const row = await tx.secret.findUniqueOrThrow({ where: { id: secretId }, select: summarySelect });
  return {
    ...toSummary(row),
    versions: await versionInfos(tx, row.id, row.currentVersion),
    inspect: toInspect(row),
    ...(await reverseLookup(tx, row.id, row.currentVersion)),
  };
}

export async function getSecret(actor: Actor, namespace: string, name: string): Promise<SecretDetail> {
  return audited(actor, "secret.inspect", async (tx) => {
    await authorize(tx, actor, "secret:inspect", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const row = await tx.secret.findFirst({ where: { namespaceId: ns.id, name, deletedAt: null }, select: { id: true } });
    if (!row) throw new NotFound(`secret '${name}' not found in namespace '${namespace}'`);
    return secretDetail(tx, row.id);
  });
}
