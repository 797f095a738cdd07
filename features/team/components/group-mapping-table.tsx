import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RowConfirmButton } from "./row-confirm-button";
import type { GroupMapping } from "@/lib/auth/oidc/group-mapping.schema";
import { deleteGroupMappingAction } from "../group-mapping-actions";

const scopeOf = (m: GroupMapping) => (m.namespace ? `namespace ${m.namespace}` : "all namespaces");

export function GroupMappingTable({ mappings, canManage }: { mappings: GroupMapping[]; canManage: boolean }) {
  return (
    <DataTable
      caption="SSO group mappings"
      rows={mappings}
      rowKey={(m) => m.id}
      rowProps={(m) => ({ "data-testid": `mapping-${m.group}-${m.role}-${m.namespace ?? "all"}` })}
      columns={[
        { header: "Group", cell: (m) => <span className="font-mono">{m.group}</span> },
        {
          header: "Role",
          cell: (m) => (
            <Badge tone="indigo" className="font-mono">
              {m.role}
            </Badge>
          ),
        },
        { header: "Scope", cell: scopeOf },
        { header: "Made by", cell: (m) => m.createdBy ?? "a removed member (gives nothing)" },
        canManage &&
          actionsColumn((m: GroupMapping) => (
            <RowConfirmButton
              label="Remove"
              pendingLabel="Removing…"
              ariaLabel={`Remove mapping ${m.group} → ${m.role}`}
              title={`Remove the mapping ${m.group} → ${m.role}?`}
              description={`Members of ${m.group} lose ${m.role} (${scopeOf(m)}) at their next single sign-on. Grants made by hand stay.`}
              confirmLabel="Remove mapping"
              action={deleteGroupMappingAction}
              fields={{ id: m.id }}
              done={`Removed the mapping ${m.group} → ${m.role}.`}
            />
          )),
      ]}
    />
  );
}
