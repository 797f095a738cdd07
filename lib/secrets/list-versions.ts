import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { decodeCursor, encodeCursor, pageOf, parsePageQuery, type PageQuery } from "../db/keyset-cursor";
import { NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "./find-secret";
import type { KeyInfo } from "./secret-data";
import type { VersionInfo } from "./secret-dto";

export type VersionPage = { versions: VersionInfo[]; nextCursor: string | null };

const SORT = "version:desc";

/** A secret's versions, newest first, keyset-paginated on the version number (unique per secret). */
export async function listVersionsPage(actor: Actor, namespace: string, name: string, query: PageQuery = {}): Promise<VersionPage> {
  const { limit, cursor } = parsePageQuery(query);
  const below = cursor ? (decodeCursor(cursor, SORT, ["int"])[0] as number) : undefined;
  return auditedRead(actor, "secret.inspect", async (tx) => {
    await authorize(tx, actor, "secret:inspect", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const secret = await tx.secret.findFirst({
      where: { namespaceId: ns.id, name, deletedAt: null },
      select: { id: true, currentVersion: true },
    });
    if (!secret) throw new NotFound(`secret '${name}' not found in namespace '${namespace}'`);
    const found = await tx.secretVersion.findMany({
      where: { secretId: secret.id, ...(below === undefined ? {} : { version: { lt: below } }) },
      orderBy: { version: "desc" },
      take: limit + 1,
      select: { version: true, createdAt: true, createdById: true, keys: true, sizeBytes: true },
    });
    const { rows, more } = pageOf(found, limit);
    const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
    const authors = new Map(
      (await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
    );
    const versions = rows.map((row) => ({
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdById ? (authors.get(row.createdById) ?? "deleted user") : null,
      keys: row.keys as KeyInfo[],
      sizeBytes: row.sizeBytes,
      current: row.version === secret.currentVersion,
    }));
    return { versions, nextCursor: more ? encodeCursor(SORT, [rows.at(-1)!.version]) : null };
  });
}
