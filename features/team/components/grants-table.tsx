import { revokeGrantAction } from "@/features/team/member-actions";
import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import type { Grant } from "@/lib/team/member-dto";
import { grantLabel } from "./grant-label";
import { RevokeButton } from "./row-confirm-button";

export function GrantsTable({ grants, email, canManage }: { grants: Grant[]; email: string; canManage: boolean }) {
  return (
    <DataTable
      caption={`Grants of ${email}`}
      rows={grants}
      rowKey={(grant) => grant.id}
      rowProps={(grant) => ({ "data-testid": `grant-${grantLabel(grant)}` })}
      columns={[
        {
          header: "Role",
          cell: (grant) => (
            <Badge tone="indigo" className="font-mono">
              {grant.role}
            </Badge>
          ),
        },
        {
          header: "Scope",
          cell: (grant) =>
            grant.namespace ? (
              <>
                namespace <span className="font-mono font-medium">{grant.namespace}</span>
              </>
            ) : (
              "all namespaces"
            ),
        },
        canManage &&
          actionsColumn((grant: Grant) => (
            <RevokeButton
              ariaLabel={`Revoke ${grantLabel(grant)}`}
              title={`Revoke ${grantLabel(grant)}?`}
              description={`${email} loses this role's permissions at once.`}
              confirmLabel="Revoke grant"
              action={revokeGrantAction}
              fields={{ id: grant.id }}
              done={`Revoked ${grantLabel(grant)} from ${email}.`}
            />
          )),
      ]}
    />
  );
}
