import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { findNamespaceOrThrow } from "./find-secret";
import { secretDetail } from "./get-secret";
import { purgeAfter } from "./recovery-window";
import type { SecretDetail } from "./secret-dto";

export type DeletedSecret = {
  id: string;
  name: string;
  namespace: string;
  type: string;
  deletedAt: string;
  deletedBy: string | null;
  purgeAfter: string;
};

async function findDeletedOrThrow(tx: Tx, namespace: string, name: string) {
  const ns = await findNamespaceOrThrow(tx, namespace);
  const secret = await tx.secret.findFirst({ where: { namespaceId: ns.id, name, deletedAt: { not: null } } });
  if (!secret) throw new NotFound(`no deleted secret '${name}' in namespace '${namespace}'`);
  return secret;
}

export async function listDeletedSecrets(actor: Actor, namespace: string): Promise<DeletedSecret[]> {
  return audited(actor, "secret.list", async (tx) => {
    await authorize(tx, actor, "secret:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const rows = await tx.secret.findMany({
      where: { namespaceId: ns.id, deletedAt: { not: null } },
      orderBy: { deletedAt: "desc" },
      select: { id: true, name: true, type: true, deletedAt: true, deletedById: true },
    });
    const ids = [...new Set(rows.map((r) => r.deletedById).filter((id): id is string => !!id))];
    const users = new Map(
      (await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      namespace,
      type: row.type,
      deletedAt: row.deletedAt!.toISOString(),
      deletedBy: row.deletedById ? (users.get(row.deletedById) ?? null) : null,
      purgeAfter: purgeAfter(row.deletedAt!).toISOString(),
    }));
  });
}

export async function restoreSecret(actor: Actor, namespace: string, name: string): Promise<SecretDetail> {
  return audited(actor, "secret.restore", async (tx) => {
    await authorize(tx, actor, "secret:delete", namespace);
    const secret = await findDeletedOrThrow(tx, namespace, name);
    await tx.secret.update({ where: { id: secret.id }, data: { deletedAt: null, deletedById: null } });
    await recordAudit(tx, actor, { action: "secret.restore", resource: { type: "secret", id: secret.id, name }, namespace });
    return secretDetail(tx, secret.id);
  });
}

/** Removes a deleted secret and every version for good, before its window ends. */
export async function purgeSecret(actor: Actor, namespace: string, name: string): Promise<void> {
  await audited(actor, "secret.purge", async (tx) => {
    await authorize(tx, actor, "secret:purge", namespace);
    const approval = await requireApproval(tx, actor, { action: "secret.purge", namespace, target: { secret: name } });
    const secret = await findDeletedOrThrow(tx, namespace, name);
    await tx.secret.delete({ where: { id: secret.id } });
    await recordAudit(tx, actor, {
      action: "secret.purge",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { early: true, ...(approval ? { approval } : {}) },
    });
  });
}
