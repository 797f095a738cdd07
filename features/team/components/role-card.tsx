import { Lock, ShieldCheck, Trash2 } from "lucide-react";
import { deleteRoleAction } from "@/features/team/role-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { RoleInfo } from "@/lib/team/roles";
import { ConfirmButton } from "./confirm-button";
import { PermissionList } from "./permission-list";
import { EditRoleButton } from "./role-form";

function grantCount(n: number): string {
  return n === 0 ? "not granted" : `${n} ${n === 1 ? "grant" : "grants"}`;
}

/**
 * A role: custom ones editable and deletable by role:manage; built-in ones
 * fixed, except that an owner can require a second factor of their holders.
 */
export function RoleCard({
  role,
  canManage,
  grantable,
  isOwner = false,
}: {
  role: RoleInfo;
  canManage: boolean;
  grantable: string[];
  isOwner?: boolean;
}) {
  return (
    <Card className="space-y-4 p-5" data-testid={`role-${role.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-mono text-base font-semibold">{role.name}</h3>
            {role.builtIn ? (
              <Badge>
                <Lock aria-hidden className="size-3" />
                built-in
              </Badge>
            ) : (
              <Badge tone="indigo">custom</Badge>
            )}
            {role.requireSecondFactor ? (
              <Badge tone="indigo">
                <ShieldCheck aria-hidden className="size-3" />
                second factor required
              </Badge>
            ) : null}
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{grantCount(role.members)}</span>
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {role.description || <span className="italic text-zinc-500 dark:text-zinc-400">No description</span>}
          </p>
        </div>
        {role.builtIn && isOwner ? <EditRoleButton role={role} grantable={grantable} isOwner /> : null}
        {canManage && !role.builtIn ? (
          <div className="flex gap-2">
            <EditRoleButton role={role} grantable={grantable} isOwner={isOwner} />
            <ConfirmButton
              variant="secondary"
              className="px-2.5 py-1 text-xs"
              label={
                <>
                  <Trash2 aria-hidden className="size-3.5" />
                  Delete
                </>
              }
              ariaLabel={`Delete role ${role.name}`}
              title={`Delete role ${role.name}?`}
              description="A role still granted to someone cannot be deleted: revoke those grants first."
              confirmLabel="Delete role"
              pendingLabel="Deleting…"
              danger
              action={deleteRoleAction}
              fields={{ name: role.name }}
              done={`Role ${role.name} deleted.`}
            />
          </div>
        ) : null}
      </div>
      <PermissionList permissions={role.permissions} />
    </Card>
  );
}
