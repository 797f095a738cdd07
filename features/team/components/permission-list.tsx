import { Badge } from "@/components/ui/badge";
import { groupPermissions, permissionWarning, verbOf } from "./permission-groups";

/** A role's permissions, one line per resource: "Secrets  list inspect create"; secret:bind says it grants reading. */
export function PermissionList({ permissions }: { permissions: string[] }) {
  const groups = groupPermissions(permissions);
  return (
    <dl className="grid grid-cols-[minmax(0,7.5rem)_1fr] gap-x-3 gap-y-1.5 text-sm">
      {groups.map((group) => (
        <div key={group.resource} className="contents">
          <dt className="pt-0.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">{group.label}</dt>
          <dd className="flex flex-wrap gap-1">
            {group.permissions.map((permission) => {
              const warning = permissionWarning(permission);
              return warning ? (
                <Badge key={permission} tone="amber" title={`${permission}: ${warning}`}>
                  <span className="font-mono">{verbOf(permission)}</span> (grants reading)
                </Badge>
              ) : (
                <Badge key={permission} className="font-mono" title={permission}>
                  {verbOf(permission)}
                </Badge>
              );
            })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
