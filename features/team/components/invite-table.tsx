import { RelativeTime } from "@/components/ui/relative-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { revokeInviteAction } from "@/features/team/invite-actions";
import type { InviteInfo } from "@/lib/team/invites";
import { ConfirmButton } from "./confirm-button";

const STATE_TONES = { pending: "indigo", used: "green", expired: "neutral", revoked: "neutral" } as const;

export function InviteTable({ invites, canManage }: { invites: InviteInfo[]; canManage: boolean }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Invites</caption>
        <THead>
          <tr>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Scope</Th>
            <Th>Created</Th>
            <Th>Expires</Th>
            <Th>State</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {invites.map((invite) => (
            <Tr key={invite.id} data-testid={`invite-row-${invite.email}`} className={invite.state === "pending" ? undefined : "opacity-70"}>
              <Td className="font-medium text-zinc-900 dark:text-zinc-100">{invite.email}</Td>
              <Td>
                <Badge tone="indigo">{invite.role}</Badge>
              </Td>
              <Td>{invite.namespace ? <>namespace <span className="font-medium">{invite.namespace}</span></> : "all namespaces"}</Td>
              <Td>
                <RelativeTime iso={invite.createdAt} />
              </Td>
              <Td>{invite.state === "pending" || invite.state === "expired" ? <RelativeTime iso={invite.expiresAt} /> : <span className="text-zinc-400 dark:text-zinc-500">—</span>}</Td>
              <Td>
                <Badge tone={STATE_TONES[invite.state]}>{invite.state}</Badge>
              </Td>
              {canManage ? (
                <Td>
                  <div className="flex justify-end">
                    {invite.state === "pending" ? (
                      <ConfirmButton
                        variant="ghost"
                        className="px-2 py-1 text-xs"
                        label="Revoke"
                        ariaLabel={`Revoke invite for ${invite.email}`}
                        title={`Revoke the invite for ${invite.email}?`}
                        description="The link stops working at once. You can invite them again later."
                        confirmLabel="Revoke invite"
                        pendingLabel="Revoking…"
                        danger
                        action={revokeInviteAction}
                        fields={{ id: invite.id }}
                        done={`Invite for ${invite.email} revoked.`}
                      />
                    ) : null}
                  </div>
                </Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
