// What the profile shows of the member's own access. Their grants come
// from getMember, which needs member:list; without it, lib offers no way
// to read one's own grants, so the page shows the permissions they hold
// instead: for all namespaces, and what each namespace adds.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listNamespaces } from "@/lib/namespaces/list-namespaces";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import type { Permission } from "@/lib/rbac/permissions";
import type { Member } from "@/lib/team/member-dto";
import { getMember } from "@/lib/team/members";

export type OwnAccess =
  | { kind: "grants"; member: Member }
  | { kind: "permissions"; global: Permission[]; perNamespace: { namespace: string; extra: Permission[] }[] };

export async function ownAccess(actor: SessionUser, held: Set<Permission>): Promise<OwnAccess> {
  if (held.has("member:list")) return { kind: "grants", member: await getMember(actor, actor.id) };
  const namespaces = await listNamespaces(actor);
  const perNamespace = await Promise.all(
    namespaces.map(async ({ name }) => ({
      namespace: name,
      extra: [...(await heldPermissions(actor, name))].filter((p) => !held.has(p)),
    })),
  );
  return { kind: "permissions", global: [...held], perNamespace: perNamespace.filter((n) => n.extra.length) };
}
