import { MailPlus } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { InviteMemberButton } from "@/features/team/components/invite-member-button";
import { InviteTable } from "@/features/team/components/invite-table";
import { TeamHeader } from "@/features/team/components/team-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import { listInvites } from "@/lib/team/invites";
import { grantOptions } from "../../../../features/team/invite-options";
import { loadOrDeny } from "@/features/console/load";

export const metadata: Metadata = { title: "Invites" };

export default async function InvitesPage() {
  const actor = await requireActor();
  const held = await heldPermissions(actor);
  const canManage = held.has("member:manage");
  const [result, options] = await Promise.all([loadOrDeny(() => listInvites(actor)), canManage ? grantOptions(actor) : null]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const invite = options ? <InviteMemberButton roles={options.roles} namespaces={options.namespaces} /> : null;
  return (
    <div className="space-y-6">
      <TeamHeader held={held} actions={invite} />
      {result.value.length ? (
        <>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            An invite link is shown once, when it is made; a lost link cannot be shown again: revoke it and invite again.
          </p>
          <InviteTable invites={result.value} canManage={canManage} />
        </>
      ) : (
        <EmptyState icon={MailPlus} title="No invites yet" action={invite}>
          {canManage ? "Invite a member: you get a one-time link to pass on, valid for 7 days." : "An owner or admin can invite members."}
        </EmptyState>
      )}
    </div>
  );
}
