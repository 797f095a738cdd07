// What the invite and grant forms offer: the roles and the namespaces the
// member can see. Loaded only for those who may use the forms.
import "server-only";
import type { RoleOption } from "@/features/team/components/scope-select";
import type { Actor } from "@/lib/auth/actor";
import { listNamespaces } from "@/lib/namespaces/list-namespaces";
import { listRoles } from "@/lib/team/roles";

export type GrantOptions = { roles: RoleOption[]; namespaces: string[] };

export async function grantOptions(actor: Actor): Promise<GrantOptions> {
  const [roles, namespaces] = await Promise.all([listRoles(actor), listNamespaces(actor)]);
  return {
    roles: roles.map((r) => ({ name: r.name, description: r.description })),
    namespaces: namespaces.map((n) => n.name),
  };
}
