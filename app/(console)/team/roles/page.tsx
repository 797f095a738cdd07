import { ShieldPlus } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { RoleCard } from "@/features/team/components/role-card";
import { NewRoleButton } from "@/features/team/components/role-form";
import { TeamHeader } from "@/features/team/components/team-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import { BUILT_IN_ROLES } from "@/lib/rbac/permissions";
import { listRoles } from "@/lib/team/roles";
import { isGlobalOwner } from "@/lib/team/guards";
import { loadOrDeny } from "@/features/console/load";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const actor = await requireActor();
  const held = await heldPermissions(actor);
  const canManage = held.has("role:manage");
  // Display only: updateRole checks it again. Requiring a second factor is the owners' call.
  const isOwner = canManage && (await isGlobalOwner(actor.id));
  // Roles are instance-wide: one can hand out only what one holds for all namespaces.
  const grantable = [...held];
  const result = await loadOrDeny(() => listRoles(actor));
  const newRole = canManage ? <NewRoleButton grantable={grantable} /> : null;
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  // Most to least powerful, as BUILT_IN_ROLES lists them, rather than by name.
  const rank = (name: string) => BUILT_IN_ROLES.findIndex((r) => r.name === name);
  const builtIn = result.value.filter((r) => r.builtIn).sort((a, b) => rank(a.name) - rank(b.name));
  const custom = result.value.filter((r) => !r.builtIn);
  return (
    <div className="space-y-8">
      <TeamHeader held={held} actions={newRole} />
      <section aria-labelledby="custom-roles" className="space-y-3">
        <h2 id="custom-roles" className="text-lg font-semibold tracking-tight">
          Custom roles
        </h2>
        {custom.length ? (
          <div className="grid gap-4 lg:grid-cols-2">
            {custom.map((role) => (
              <RoleCard key={role.id} role={role} canManage={canManage} grantable={grantable} isOwner={isOwner} />
            ))}
          </div>
        ) : (
          <EmptyState icon={ShieldPlus} title="No custom roles yet" action={newRole}>
            {canManage
              ? "When no built-in role fits, make one with exactly the permissions a job needs, e.g. a CI deployer that only lists and inspects secrets."
              : "Someone with role:manage can create roles with exactly the permissions a job needs."}
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="built-in-roles" className="space-y-3">
        <div>
          <h2 id="built-in-roles" className="text-lg font-semibold tracking-tight">
            Built-in roles
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            Their permissions are fixed; owners can require a second factor of a role&apos;s members. Each is granted for all namespaces or
            for one.
          </p>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {builtIn.map((role) => (
            <RoleCard key={role.id} role={role} canManage={false} grantable={grantable} isOwner={isOwner} />
          ))}
        </div>
      </section>
    </div>
  );
}
