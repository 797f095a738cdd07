import { KeySquare, ShieldOff } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { AddGrantForm } from "@/features/team/components/add-grant-form";
import { GrantsTable } from "@/features/team/components/grants-table";
import { MemberTokensTable } from "@/features/team/components/member-tokens-table";
import { MemberHeader } from "@/features/team/components/member-header";
import { MemberStatusButton } from "@/features/team/components/member-status-button";
import { RemoveMemberButton } from "@/features/team/components/remove-member-button";
import { ResetLinkButton } from "@/features/team/components/reset-link-button";
import { ResetSecondFactorButton } from "@/features/team/components/reset-second-factor-button";
import { secondFactorKinds } from "@/lib/auth/mfa/has-second-factor";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import { getMember } from "@/lib/team/members";
import { actingStanding } from "@/lib/team/standing";
import { listMemberAccessTokens } from "@/lib/tokens/member-access-tokens";
import { grantOptions } from "../../../../../features/team/invite-options";
import { loadOrDeny } from "@/features/console/load";
import { ObjectHistory } from "@/features/audit/components/object-history";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Member" };

export default async function MemberPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const held = await heldPermissions(actor);
  const result = await loadOrDeny(() => getMember(actor, id));
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();

  const member = result.value;
  const self = member.id === actor.id;
  // Only owners act on owners, and only on members whose permissions they
  // hold themselves: the page offers nothing the actions would refuse.
  const refusal = await actingStanding(actor, member);
  const canManage = held.has("member:manage") && !refusal;
  const [options, tokens, factors] = await Promise.all([
    canManage ? grantOptions(actor) : null,
    refusal ? null : listMemberAccessTokens(actor, member.id),
    canManage && !self ? secondFactorKinds(member.id) : null,
  ]);
  return (
    <div className="space-y-8">
      <MemberHeader
        member={member}
        self={self}
        actions={
          canManage ? (
            <>
              {/* Your own password is changed on your profile, with the current one. */}
              {self ? null : <ResetLinkButton userId={member.id} email={member.email} />}
              {/* Your own second factor is removed on your profile, with a code or the password. */}
              {factors && (factors.totp || factors.passkeys > 0) ? (
                <ResetSecondFactorButton userId={member.id} email={member.email} totp={factors.totp} passkeys={factors.passkeys} />
              ) : null}
              <MemberStatusButton userId={member.id} email={member.email} disabled={member.status === "disabled"} />
            </>
          ) : null
        }
      />
      {refusal && held.has("member:manage") ? <Alert tone="info">{`${refusal.charAt(0).toUpperCase()}${refusal.slice(1)}.`}</Alert> : null}

      <section aria-labelledby="grants-heading" className="space-y-3">
        <div>
          <h2 id="grants-heading" className="text-lg font-semibold tracking-tight">
            Roles
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            Each grant gives a role for all namespaces or for one. Permissions add up across grants.
          </p>
        </div>
        <Card className="overflow-hidden">
          {member.grants.length ? (
            <div className="overflow-x-auto">
              <GrantsTable grants={member.grants} email={member.email} canManage={canManage} />
            </div>
          ) : (
            <div className="flex items-center gap-3 px-5 py-6 text-sm text-zinc-500 dark:text-zinc-400">
              <ShieldOff aria-hidden className="size-5 shrink-0 text-zinc-400" />
              <span>
                No roles: {member.name} can sign in but sees nothing.
                {canManage ? " Add a grant below." : " An owner or admin can grant a role."}
              </span>
            </div>
          )}
          {options ? (
            <div className="border-t border-zinc-200 bg-zinc-50/60 p-5 dark:border-zinc-800 dark:bg-zinc-900/60">
              <h3 className="mb-3 text-sm font-semibold">Add a grant</h3>
              <AddGrantForm userId={member.id} roles={options.roles} namespaces={options.namespaces} />
            </div>
          ) : null}
        </Card>
      </section>

      {tokens ? (
        <section aria-labelledby="tokens-heading" className="space-y-3">
          <div>
            <h2 id="tokens-heading" className="text-lg font-semibold tracking-tight">
              API tokens
            </h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Personal tokens act as {member.name}, for the coffer CLI and scripts. Only their names and prefixes are shown here.
            </p>
          </div>
          <Card className="overflow-hidden">
            {tokens.length ? (
              <div className="overflow-x-auto">
                <MemberTokensTable userId={member.id} email={member.email} tokens={tokens} canRevoke={canManage} />
              </div>
            ) : (
              <div className="flex items-center gap-3 px-5 py-6 text-sm text-zinc-500 dark:text-zinc-400">
                <KeySquare aria-hidden className="size-5 shrink-0 text-zinc-400" />
                <span>{member.name} has no API tokens.</span>
              </div>
            )}
          </Card>
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="danger-heading" className="space-y-3">
          <h2 id="danger-heading" className="text-lg font-semibold tracking-tight">
            Remove
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-red-200 dark:bg-zinc-900 dark:ring-red-900/60">
            <p className="max-w-xl text-sm text-zinc-600 dark:text-zinc-400">
              Removing deletes the account with its grants, sessions and API tokens. To keep their access history and let them back in
              later, disable them instead.
            </p>
            <RemoveMemberButton userId={member.id} email={member.email} />
          </div>
        </section>
      ) : null}
      <ObjectHistory resourceType="user" resourceId={member.id} title="History" />
    </div>
  );
}
