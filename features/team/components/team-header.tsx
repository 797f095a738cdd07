import type { Permission } from "@/lib/rbac/permissions";
import { TeamTabs, type TeamTab } from "./team-tabs";

/** Tabs the member may use: the team's lists need member:list; namespaces are listed for everyone. */
export function teamTabs(held: Set<Permission>): TeamTab[] {
  const team = held.has("member:list")
    ? [
        { href: "/team", label: "Members" },
        { href: "/team/invites", label: "Invites" },
        { href: "/team/roles", label: "Roles" },
        { href: "/team/sso", label: "SSO" },
      ]
    : [];
  return [...team, { href: "/team/namespaces", label: "Namespaces" }];
}

export function TeamHeader({ held, actions }: { held: Set<Permission>; actions?: React.ReactNode }) {
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Who can sign in, and what each role lets them do where.</p>
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <TeamTabs tabs={teamTabs(held)} />
    </div>
  );
}
