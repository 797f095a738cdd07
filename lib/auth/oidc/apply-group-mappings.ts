// At each OIDC sign-in the user's groups decide the grants that mappings
// give: a grant a mapping now gives is added, one a mapping gave earlier and
// no longer does is removed. Grants made by hand carry no OidcMappedGrant
// row and are never touched.
import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";
import { newId } from "../../db/ids";
import { permissionsOf } from "../../rbac/authorize";
import { OWNER_ROLE_ID } from "../../rbac/permissions";
import { globalOwnerIds } from "../../team/guards";
import type { UserActor } from "../actor";

type Scoped = { roleId: string; namespaceId: string | null };
const keyOf = (g: Scoped) => `${g.roleId}\u0000${g.namespaceId ?? ""}`;

type Mapping = Scoped & {
  id: string;
  group: string;
  createdById: string | null;
  role: { name: string; permissions: string[] };
  namespace: { name: string } | null;
};

/**
 * A mapping gives only what its maker could still grant by hand: the maker
 * is an active member holding every permission of the role in its scope,
 * and an owner mapping needs a maker who is a global owner. Otherwise
 * whoever controls a group name at the identity provider, or a member who
 * made a mapping and was demoted since, could hand out more than Coffer's
 * own rules allow.
 */
async function makerStillMayGrant(tx: Tx, mapping: Mapping, owners: Set<string>): Promise<boolean> {
  if (!mapping.createdById) return false;
  if (mapping.roleId === OWNER_ROLE_ID && (mapping.namespaceId !== null || !owners.has(mapping.createdById))) return false;
  const held = await permissionsOf(tx, mapping.createdById, mapping.namespace?.name ?? null);
  return mapping.role.permissions.every((p) => held.has(p as never));
}

/** The grants the user's groups give now, one mapping per role and scope. */
async function wantedGrants(tx: Tx, groups: string[]): Promise<Map<string, Mapping>> {
  const mappings: Mapping[] = groups.length
    ? await tx.oidcGroupMapping.findMany({
        where: { group: { in: groups } },
        include: { role: { select: { name: true, permissions: true } }, namespace: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const owners = new Set(await globalOwnerIds(tx));
  const wanted = new Map<string, Mapping>();
  for (const mapping of mappings) {
    if (wanted.has(keyOf(mapping))) continue;
    if (await makerStillMayGrant(tx, mapping, owners)) wanted.set(keyOf(mapping), mapping);
  }
  return wanted;
}

export type MappingChanges = { added: string[]; removed: string[] };

export async function applyGroupMappings(tx: Tx, actor: UserActor, groups: string[]): Promise<MappingChanges> {
  const wanted = await wantedGrants(tx, groups);
  const current = await tx.roleBinding.findMany({
    where: { userId: actor.id },
    include: { oidcGrant: true, role: { select: { name: true } }, namespace: { select: { name: true } } },
  });
  const changes: MappingChanges = { added: [], removed: [] };
  const label = (role: string, ns: string | null | undefined) => `${role}@${ns ?? "all"}`;

  for (const binding of current.filter((b) => b.oidcGrant && !wanted.has(keyOf(b)))) {
    // The last owner stays an owner even when the group is gone: someone
    // must be able to administer the instance.
    if (binding.roleId === OWNER_ROLE_ID && binding.namespaceId === null) {
      const owners = await globalOwnerIds(tx);
      if (owners.length === 1 && owners[0] === actor.id) continue;
    }
    await tx.roleBinding.delete({ where: { id: binding.id } });
    changes.removed.push(label(binding.role.name, binding.namespace?.name));
    await recordAudit(tx, actor, {
      action: "sso.grant_remove",
      resource: { type: "user", id: actor.id, name: actor.label },
      namespace: binding.namespace?.name ?? null,
      details: { role: binding.role.name, scope: binding.namespace?.name ?? "all", mapping: binding.oidcGrant?.mappingId ?? null },
    });
  }

  const held = new Set(current.map(keyOf));
  for (const [key, mapping] of wanted) {
    if (held.has(key)) continue;
    const id = newId("rb");
    await tx.roleBinding.create({ data: { id, userId: actor.id, roleId: mapping.roleId, namespaceId: mapping.namespaceId } });
    await tx.oidcMappedGrant.create({ data: { bindingId: id, mappingId: mapping.id } });
    changes.added.push(label(mapping.role.name, mapping.namespace?.name));
    await recordAudit(tx, actor, {
      action: "sso.grant_add",
      resource: { type: "user", id: actor.id, name: actor.label },
      namespace: mapping.namespace?.name ?? null,
      details: { role: mapping.role.name, scope: mapping.namespace?.name ?? "all", mapping: mapping.id, group: mapping.group },
    });
  }
  return changes;
}
