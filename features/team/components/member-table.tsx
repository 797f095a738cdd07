import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
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
      <Table>
        <caption className="sr-only">Members</caption>
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Roles</Th>
            <Th>Last sign-in</Th>
            <Th>Status</Th>
          </tr>
        </THead>
        <TBody>
          {members.map((member) => (
            <Tr key={member.id} data-testid={`member-row-${member.email}`} className={member.status === "disabled" ? "opacity-70" : undefined}>
              <Td>
                <Link
                  href={memberHref(member.id)}
                  className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  {member.name}
                </Link>
                {member.id === selfId ? <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">(you)</span> : null}
              </Td>
              <Td>{member.email}</Td>
              <Td className="min-w-48">
                <GrantChips grants={member.grants} />
              </Td>
              <Td>{member.lastLoginAt ? <RelativeTime iso={member.lastLoginAt} /> : <span className="text-zinc-400 dark:text-zinc-500">never</span>}</Td>
              <Td>
                <StatusBadge status={member.status} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
