import { revokeGrantAction } from "@/features/team/member-actions";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Grant } from "@/lib/team/member-dto";
import { ConfirmButton } from "./confirm-button";
import { grantLabel } from "./grant-label";

export function GrantsTable({ grants, email, canManage }: { grants: Grant[]; email: string; canManage: boolean }) {
  return (
    <Table>
      <caption className="sr-only">Grants of {email}</caption>
      <THead>
        <tr>
          <Th>Role</Th>
          <Th>Scope</Th>
          {canManage ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {grants.map((grant) => (
          <Tr key={grant.id} data-testid={`grant-${grantLabel(grant)}`}>
            <Td>
              <Badge tone="indigo" className="font-mono">
                {grant.role}
              </Badge>
            </Td>
            <Td>{grant.namespace ? <>namespace <span className="font-mono font-medium">{grant.namespace}</span></> : "all namespaces"}</Td>
            {canManage ? (
              <Td>
                <div className="flex justify-end">
                  <ConfirmButton
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    label="Revoke"
                    ariaLabel={`Revoke ${grantLabel(grant)}`}
                    title={`Revoke ${grantLabel(grant)}?`}
                    description={`${email} loses this role's permissions at once.`}
                    confirmLabel="Revoke grant"
                    pendingLabel="Revoking…"
                    danger
                    action={revokeGrantAction}
                    fields={{ id: grant.id }}
                    done={`Revoked ${grantLabel(grant)} from ${email}.`}
                  />
                </div>
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
