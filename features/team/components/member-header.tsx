import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Member } from "@/lib/team/member-dto";
import { StatusBadge } from "./member-table";

/** Breadcrumb, name, email, status, and when they joined and last signed in. */
export function MemberHeader({ member, self, actions }: { member: Member; self: boolean; actions?: React.ReactNode }) {
  return (
    <PageHeader breadcrumb={{ href: "/team", label: "Team", here: "Members" }} actions={actions}>
      <div className="flex min-w-0 items-start gap-4">
        <Avatar name={member.name} />
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-all text-2xl font-semibold tracking-tight">{member.name}</h1>
            <StatusBadge status={member.status} />
            {self ? <Badge tone="indigo">you</Badge> : null}
          </div>
          <p className="break-all text-sm text-zinc-600 dark:text-zinc-400">{member.email}</p>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 pt-1 text-xs text-zinc-500 dark:text-zinc-400">
            <div className="flex gap-1">
              <dt>Joined</dt>
              <dd className="text-zinc-700 dark:text-zinc-300">
                <RelativeTime iso={member.createdAt} />
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>Last sign-in</dt>
              <dd className="text-zinc-700 dark:text-zinc-300">
                {member.lastLoginAt ? <RelativeTime iso={member.lastLoginAt} /> : "never"}
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </PageHeader>
  );
}
