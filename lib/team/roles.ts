import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { newId } from "../db/ids";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { isPermission } from "../rbac/permissions";
import { RefusedOn } from "../audit/audited";
import { assertCanGrant, isGlobalOwner } from "./guards";

export type RoleInfo = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  permissions: string[];
  /** Members holding it must have a second factor (issue 16). */
  requireSecondFactor: boolean;
  members: number;
};

const permissionsField = z
  .array(z.string(), { error: "permissions must be a list" })
  .min(1, "permissions must name at least one permission")
  .superRefine((list, ctx) => {
    const unknown = list.find((p) => !isPermission(p));
    if (unknown) ctx.addIssue({ code: "custom", message: `permissions: unknown permission '${unknown}'` });
  });

export const roleSchema = z.object({
  name: z
    .string({ error: "name is required" })
    .regex(/^[a-z0-9](?:[-a-z0-9]{0,38}[a-z0-9])?$/, "name must be 1-40 lowercase letters, digits or '-'"),
  description: z.string().max(200, "description is at most 200 characters").default(""),
  permissions: permissionsField,
});

export const roleUpdateSchema = z.object({
  description: z.string().max(200).optional(),
  permissions: permissionsField.optional(),
  requireSecondFactor: z
    .boolean({ error: "requireSecondFactor must be true or false" })
    .optional()
    .meta({ description: "owners only; the one field a built-in role accepts" }),
});

const roleSelect = {
  id: true,
  name: true,
  description: true,
  builtIn: true,
  permissions: true,
  requireSecondFactor: true,
  _count: { select: { bindings: true } },
} as const;

function toRole(row: {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  permissions: string[];
  requireSecondFactor: boolean;
  _count: { bindings: number };
}): RoleInfo {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: row.builtIn,
    permissions: row.permissions,
    requireSecondFactor: row.requireSecondFactor,
    members: row._count.bindings,
  };
}

async function findRoleOrThrow(tx: Tx, name: string) {
  const role = await tx.role.findUnique({ where: { name }, select: roleSelect });
  if (!role) throw new NotFound(`role '${name}' not found`);
  return role;
}

export async function listRoles(actor: Actor): Promise<RoleInfo[]> {
  return audited(actor, "role.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const rows = await tx.role.findMany({ select: roleSelect, orderBy: [{ builtIn: "desc" }, { name: "asc" }] });
    return rows.map(toRole);
  });
}

export async function createRole(actor: Actor, input: unknown): Promise<RoleInfo> {
  const spec = parseInput(roleSchema, input);
  return audited(actor, "role.create", async (tx) => {
    await authorize(tx, actor, "role:manage");
    await assertCanGrant(tx, actor, spec.permissions, null);
    if (await tx.role.findUnique({ where: { name: spec.name } }))
      throw new Conflict(`role '${spec.name}' already exists`, { field: "name" });
    const row = await tx.role.create({
      data: { id: newId("role"), ...spec, permissions: [...new Set(spec.permissions)] },
      select: roleSelect,
    });
    await recordAudit(tx, actor, {
      action: "role.create",
      resource: { type: "role", id: row.id, name: row.name },
      details: { permissions: row.permissions },
    });
    return toRole(row);
  });
}

export async function updateRole(actor: Actor, name: string, input: unknown): Promise<RoleInfo> {
  const spec = parseInput(roleUpdateSchema, input);
  return audited(actor, "role.update", async (tx) => {
    await authorize(tx, actor, "role:manage");
    const role = await findRoleOrThrow(tx, name);
    // A built-in role takes the second-factor flag and nothing else.
    const changesGrants = spec.description !== undefined || spec.permissions !== undefined;
    if (role.builtIn && (changesGrants || spec.requireSecondFactor === undefined))
      throw new Conflict(`role '${name}' is built in and cannot be changed; create a custom role instead`);
    await assertMayRequireSecondFactor(tx, actor, role, spec.requireSecondFactor);
    // Before and after: else an admin could strip an owner-made role of what
    // they lack, or change what the members holding it can do beyond their own reach.
    if (spec.permissions) {
      await assertCanGrant(
        tx,
        actor,
        role.permissions,
        null,
        (missing) => `you cannot change role '${name}': it holds '${missing}', which you do not`,
      );
      await assertCanGrant(tx, actor, spec.permissions, null);
    }
    const row = await tx.role.update({
      where: { id: role.id },
      data: { ...spec, ...(spec.permissions ? { permissions: [...new Set(spec.permissions)] } : {}) },
      select: roleSelect,
    });
    await recordAudit(tx, actor, {
      action: "role.update",
      resource: { type: "role", id: role.id, name },
      details: {
        before: role.permissions,
        after: row.permissions,
        ...(row.requireSecondFactor !== role.requireSecondFactor
          ? { requireSecondFactor: { before: role.requireSecondFactor, after: row.requireSecondFactor } }
          : {}),
      },
    });
    return toRole(row);
  });
}

/**
 * Requiring a second factor changes how every holder signs in, owners
 * included: only an owner (of all namespaces) turns it on or off.
 */
async function assertMayRequireSecondFactor(
  tx: Tx,
  actor: Actor,
  role: { id: string; name: string; requireSecondFactor: boolean },
  wanted: boolean | undefined,
): Promise<void> {
  if (wanted === undefined || wanted === role.requireSecondFactor || actor.type === "system") return;
  if (actor.type !== "user" || !(await isGlobalOwner(actor.id, tx)))
    throw new RefusedOn(`only owners can change whether role '${role.name}' requires a second factor`, {
      type: "role",
      id: role.id,
      name: role.name,
    });
}

export async function deleteRole(actor: Actor, name: string): Promise<void> {
  await audited(actor, "role.delete", async (tx) => {
    await authorize(tx, actor, "role:manage");
    const role = await findRoleOrThrow(tx, name);
    if (role.builtIn) throw new Conflict(`role '${name}' is built in and cannot be deleted`);
    await assertCanGrant(
      tx,
      actor,
      role.permissions,
      null,
      (missing) => `you cannot delete role '${name}': it holds '${missing}', which you do not`,
    );
    const holders = await tx.roleBinding.findMany({ where: { roleId: role.id }, select: { user: { select: { email: true } } } });
    // A pending invite would vanish with the role (the rows cascade) and no
    // one would learn why the link stopped working: it counts as a use.
    const invites = await tx.invite.findMany({
      where: { roleId: role.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { email: true },
    });
    if (holders.length || invites.length) {
      const users = [...new Set(holders.map((h) => h.user.email))].sort();
      const invited = [...new Set(invites.map((i) => `${i.email} (invited)`))].sort();
      throw new Conflict(`role '${name}' is in use by: ${[...users, ...invited].join(", ")}`);
    }
    await tx.role.delete({ where: { id: role.id } });
    await recordAudit(tx, actor, { action: "role.delete", resource: { type: "role", id: role.id, name } });
  });
}
