import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowLink } from "@/components/ui/row-link";
import { TableFrame } from "@/components/ui/table";
import type { Member } from "@/lib/team/member-dto";
import { GrantChips } from "./grant-chips";

export function memberHref(id: string): string {
  return `/team/members/${encodeURIComponent(id)}`;
}

export function StatusBadge({ status }: { status: Member["status"] }) {
  return status === "active" ? <Badge tone="green">active</Badge> : <Badge tone="amber">disabled</Badge>;
}

export function MemberTable({ members, selfId }: { members: Member[]; selfId: string }) {
  return (
    <TableFrame>
      <DataTable
        caption="Members"
        rows={members}
        rowKey={(member) => member.id}
        rowProps={(member) => ({
          "data-testid": `member-row-${member.email}`,
          className: member.status === "disabled" ? "text-zinc-500 dark:text-zinc-400" : undefined,
        })}
        columns={[
          {
            header: "Name",
            cell: (member) => (
              <>
                <RowLink href={memberHref(member.id)}>{member.name}</RowLink>
                {member.id === selfId ? <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">(you)</span> : null}
              </>
            ),
          },
          { header: "Email", cell: (member) => member.email },
          { header: "Roles", className: "min-w-48", cell: (member) => <GrantChips grants={member.grants} /> },
          {
            header: "Last sign-in",
            cell: (member) =>
              member.lastLoginAt ? (
                <RelativeTime iso={member.lastLoginAt} />
              ) : (
                <span className="text-zinc-500 dark:text-zinc-400">never</span>
              ),
          },
          { header: "Status", cell: (member) => <StatusBadge status={member.status} /> },
        ]}
      />
    </TableFrame>
  );
}
