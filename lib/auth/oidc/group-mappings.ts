// SSO group → role mappings, managed by members who may grant roles by
// hand (member:manage) and held to the same rule: nobody maps a group to
// more than they hold, and only a global owner maps a group to owner.
// apply-group-mappings.ts checks the maker again at each sign-in.
import "server-only";
import { audited, auditedRead, RefusedOn } from "../../audit/audited";
import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";
import { newId } from "../../db/ids";
import { Conflict, NotFound } from "../../errors";
import { parseInput } from "../../input/parse-input";
import { authorize } from "../../rbac/authorize";
import { OWNER_ROLE_ID } from "../../rbac/permissions";
import { resolveGrantTarget } from "../../team/grants";
import { assertCanGrant, globalOwnerIds } from "../../team/guards";
import type { Actor } from "../actor";
import { groupMappingSchema, type GroupMapping } from "./group-mapping.schema";

const include = { role: { select: { name: true } }, namespace: { select: { name: true } } } as const;

async function makerEmails(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const users = await tx.user.findMany({ where: { id: { in: ids.filter((i): i is string => !!i) } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

type Row = {
  id: string;
  group: string;
  createdById: string | null;
  createdAt: Date;
  role: { name: string };
  namespace: { name: string } | null;
};
const toDto = (row: Row, makers: Map<string, string>): GroupMapping => ({
  id: row.id,
  group: row.group,
  role: row.role.name,
  namespace: row.namespace?.name ?? null,
  createdBy: row.createdById ? (makers.get(row.createdById) ?? null) : null,
  createdAt: row.createdAt.toISOString(),
});

async function assertMayMap(tx: Tx, actor: Actor, role: { id: string; name: string; permissions: string[] }, namespace: string | null) {
  if (role.id === OWNER_ROLE_ID) {
    const owners = actor.type === "user" ? await globalOwnerIds(tx) : [];
    if (actor.type !== "system" && (namespace !== null || !owners.includes(actor.id ?? ""))) {
      throw new RefusedOn("only a global owner can map a group to the owner role, and only for all namespaces", {
        type: "role",
        id: role.id,
        name: role.name,
      });
    }
  }
  await assertCanGrant(
    tx,
    actor,
    role.permissions,
    namespace,
    (missing) => `you cannot map a group to '${role.name}': you do not hold ${missing} yourself`,
  );
}

export async function createGroupMapping(actor: Actor, input: unknown): Promise<GroupMapping> {
  const spec = parseInput(groupMappingSchema, input);
  return audited(actor, "sso.mapping_create", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const { role, namespace } = await resolveGrantTarget(tx, spec.role, spec.namespace);
    await assertMayMap(tx, actor, role, namespace?.name ?? null);
    const scope = { group: spec.group, roleId: role.id, namespaceId: namespace?.id ?? null };
    if (await tx.oidcGroupMapping.findFirst({ where: scope })) {
      throw new Conflict(
        `group '${spec.group}' is already mapped to '${role.name}' ${namespace ? `in namespace ${namespace.name}` : "for all namespaces"}`,
      );
    }
    const row = await tx.oidcGroupMapping.create({
      data: { id: newId("gm"), ...scope, createdById: actor.type === "user" ? actor.id : null },
      include,
    });
    await recordAudit(tx, actor, {
      action: "sso.mapping_create",
      resource: { type: "sso_mapping", id: row.id, name: spec.group },
      namespace: namespace?.name ?? null,
      details: { group: spec.group, role: role.name, scope: namespace?.name ?? "all" },
    });
    return toDto(row, await makerEmails(tx, [row.createdById]));
  });
}

/**
 * Deleting a mapping removes no grant at once: each member loses what it
 * gave at their next SSO sign-in (their session stays until then, as with
 * a group removed at the identity provider).
 */
export async function deleteGroupMapping(actor: Actor, id: string): Promise<void> {
  await audited(actor, "sso.mapping_delete", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const row = await tx.oidcGroupMapping.findUnique({ where: { id }, include: { ...include, role: true } });
    if (!row) throw new NotFound(`group mapping '${id}' not found`);
    // Taking a mapping away needs the standing it took to make it.
    await assertMayMap(tx, actor, row.role, row.namespace?.name ?? null);
    await tx.oidcGroupMapping.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "sso.mapping_delete",
      resource: { type: "sso_mapping", id: row.id, name: row.group },
      namespace: row.namespace?.name ?? null,
      details: { group: row.group, role: row.role.name, scope: row.namespace?.name ?? "all" },
    });
  });
}

export async function listGroupMappings(actor: Actor): Promise<GroupMapping[]> {
  return auditedRead(actor, "sso.mapping_list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const rows = await tx.oidcGroupMapping.findMany({ include, orderBy: [{ group: "asc" }, { createdAt: "asc" }] });
    const makers = await makerEmails(
      tx,
      rows.map((r) => r.createdById),
    );
    return rows.map((r) => toDto(r, makers));
  });
}
