import { Users } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { InviteMemberButton } from "@/features/team/components/invite-member-button";
import { MemberTable } from "@/features/team/components/member-table";
import { TeamHeader } from "@/features/team/components/team-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FlashToast } from "@/components/ui/toast";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import { listMembers } from "@/lib/team/members";
import { grantOptions } from "../../../features/team/invite-options";
import { loadOrDeny } from "@/features/console/load";

export const metadata: Metadata = { title: "Team" };

type Props = { searchParams: Promise<{ notice?: string; member?: string }> };

export default async function MembersPage({ searchParams }: Props) {
  const actor = await requireActor();
  const held = await heldPermissions(actor);
  const query = await searchParams;
  const canInvite = held.has("member:manage");
  const [result, options] = await Promise.all([loadOrDeny(() => listMembers(actor)), canInvite ? grantOptions(actor) : null]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const invite = options ? <InviteMemberButton roles={options.roles} namespaces={options.namespaces} /> : null;
  return (
    <div className="space-y-6">
      <TeamHeader held={held} actions={invite} />
      {query.notice === "removed" ? <FlashToast message={`Member ${query.member ?? ""} removed.`} params={["notice", "member"]} /> : null}
      {result.value.length ? (
        <MemberTable members={result.value} selfId={actor.id} />
      ) : (
        <EmptyState icon={Users} title="No members yet" action={invite}>
          Invite someone: they get a one-time link to set their name and password.
        </EmptyState>
      )}
    </div>
  );
}
