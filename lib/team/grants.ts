import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { newId } from "../db/ids";
import { BadRequest, Conflict, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { OWNER_ROLE_ID } from "../rbac/permissions";
import { assertCanGrant, assertMayActOn, assertNotLastOwner } from "./guards";
import type { Grant } from "./member-dto";
import { findMemberOrThrow } from "./members";

export const grantSchema = z.object({
  userId: z.string({ error: "userId is required" }).min(1, "userId is required"),
  role: z.string({ error: "role is required" }).min(1, "role is required"),
  namespace: z.string({ error: "namespace must be a string or null" }).nullish(),
});

/** Role and namespace by name, or a 400 naming which is unknown. */
export async function resolveGrantTarget(tx: Tx, role: string, namespace: string | null | undefined) {
  const roleRow = await tx.role.findUnique({ where: { name: role } });
  if (!roleRow) throw new BadRequest(`role: no role '${role}'`, { field: "role" });
  const ns = namespace ? await tx.namespace.findUnique({ where: { name: namespace } }) : null;
  if (namespace && !ns) throw new BadRequest(`namespace: no namespace '${namespace}'`, { field: "namespace" });
  return { role: roleRow, namespace: ns };
}

export async function grantRole(actor: Actor, input: unknown): Promise<Grant> {
  const spec = parseInput(grantSchema, input);
  return audited(actor, "grant.create", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, spec.userId);
    const { role, namespace } = await resolveGrantTarget(tx, spec.role, spec.namespace);
    await assertMayActOn(tx, actor, user, "grant a role to");
    await assertCanGrant(tx, actor, role.permissions, namespace?.name ?? null);
    const existing = await tx.roleBinding.findFirst({ where: { userId: user.id, roleId: role.id, namespaceId: namespace?.id ?? null } });
    if (existing)
      throw new Conflict(
        `${user.email} already has role '${role.name}' ${namespace ? `in namespace ${namespace.name}` : "for all namespaces"}`,
      );
    const row = await tx.roleBinding.create({
      data: { id: newId("rb"), userId: user.id, roleId: role.id, namespaceId: namespace?.id ?? null },
    });
    await recordAudit(tx, actor, {
      action: "grant.create",
      resource: { type: "user", id: user.id, name: user.email },
      namespace: namespace?.name ?? null,
      details: { role: role.name, scope: namespace?.name ?? "all" },
    });
    return { id: row.id, role: role.name, namespace: namespace?.name ?? null };
  });
}

export async function revokeGrant(actor: Actor, grantId: string): Promise<void> {
  await audited(actor, "grant.delete", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const grant = await tx.roleBinding.findUnique({
      where: { id: grantId },
      include: { role: true, namespace: true, user: { select: { id: true, email: true } } },
    });
    if (!grant) throw new NotFound(`grant '${grantId}' not found`);
    await assertMayActOn(tx, actor, grant.user, "revoke a grant of");
    // Taking a role away needs the same standing as giving it.
    await assertCanGrant(tx, actor, grant.role.permissions, grant.namespace?.name ?? null);
    if (grant.roleId === OWNER_ROLE_ID && grant.namespaceId === null) await assertNotLastOwner(tx, grant.userId, "remove the owner role");
    await tx.roleBinding.delete({ where: { id: grant.id } });
    await recordAudit(tx, actor, {
      action: "grant.delete",
      resource: { type: "user", id: grant.userId, name: grant.user.email },
      namespace: grant.namespace?.name ?? null,
      details: { role: grant.role.name, scope: grant.namespace?.name ?? "all" },
    });
  });
}

export async function listGrants(actor: Actor): Promise<(Grant & { userId: string; email: string })[]> {
  return audited(actor, "grant.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const rows = await tx.roleBinding.findMany({
      include: { role: { select: { name: true } }, namespace: { select: { name: true } }, user: { select: { email: true } } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((r) => ({ id: r.id, userId: r.userId, email: r.user.email, role: r.role.name, namespace: r.namespace?.name ?? null }));
  });
}
