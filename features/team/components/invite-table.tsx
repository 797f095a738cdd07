import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import { revokeInviteAction } from "@/features/team/invite-actions";
import type { InviteInfo } from "@/lib/team/invites";
import { RevokeButton } from "./row-confirm-button";

const STATE_TONES = { pending: "indigo", used: "green", expired: "neutral", revoked: "neutral" } as const;

function Expires({ invite }: { invite: InviteInfo }) {
  // A used or revoked invite's expiry no longer means anything.
  if (invite.state === "pending" || invite.state === "expired") return <RelativeTime iso={invite.expiresAt} future />;
  return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
}

export function InviteTable({ invites, canManage }: { invites: InviteInfo[]; canManage: boolean }) {
  return (
    <TableFrame>
      <DataTable
        caption="Invites"
        rows={invites}
        rowKey={(invite) => invite.id}
        rowProps={(invite) => ({
          "data-testid": `invite-row-${invite.email}`,
          className: invite.state === "pending" ? undefined : "text-zinc-500 dark:text-zinc-400",
        })}
        columns={[
          { header: "Email", className: "font-medium text-zinc-900 dark:text-zinc-100", cell: (invite) => invite.email },
          { header: "Role", cell: (invite) => <Badge tone="indigo">{invite.role}</Badge> },
          {
            header: "Scope",
            cell: (invite) =>
              invite.namespace ? (
                <>
                  namespace <span className="font-medium">{invite.namespace}</span>
                </>
              ) : (
                "all namespaces"
              ),
          },
          { header: "Created", cell: (invite) => <RelativeTime iso={invite.createdAt} /> },
          { header: "Expires", cell: (invite) => <Expires invite={invite} /> },
          { header: "State", cell: (invite) => <Badge tone={STATE_TONES[invite.state]}>{invite.state}</Badge> },
          canManage &&
            actionsColumn((invite: InviteInfo) =>
              invite.state === "pending" ? (
                <RevokeButton
                  ariaLabel={`Revoke invite for ${invite.email}`}
                  title={`Revoke the invite for ${invite.email}?`}
                  description="The link stops working at once. You can invite them again later."
                  confirmLabel="Revoke invite"
                  action={revokeInviteAction}
                  fields={{ id: invite.id }}
                  done={`Invite for ${invite.email} revoked.`}
                />
              ) : null,
            ),
        ]}
      />
    </TableFrame>
  );
}
