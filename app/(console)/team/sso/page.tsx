import { Users } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadOrDeny } from "@/features/console/load";
import { GroupMappingForm } from "@/features/team/components/group-mapping-form";
import { GroupMappingTable } from "@/features/team/components/group-mapping-table";
import { TeamHeader } from "@/features/team/components/team-header";
import { grantOptions } from "@/features/team/invite-options";
import { requireActor } from "@/lib/auth/current-actor";
import { listGroupMappings } from "@/lib/auth/oidc/group-mappings";
import { oidcSettings } from "@/lib/auth/oidc/oidc-settings";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoPage() {
  const actor = await requireActor();
  const held = await heldPermissions(actor);
  const result = await loadOrDeny(() => listGroupMappings(actor));
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const canManage = held.has("member:manage");
  const options = canManage ? await grantOptions(actor) : null;
  const settings = oidcSettings();
  return (
    <div className="space-y-6">
      <TeamHeader held={held} />
      {settings ? null : (
        <Alert tone="info">
          Single sign-on is off: set COFFER_OIDC_ISSUER, COFFER_OIDC_CLIENT_ID and COFFER_OIDC_CLIENT_SECRET to turn it on.
        </Alert>
      )}
      {options ? (
        <Card className="space-y-3 p-5">
          <div>
            <h2 className="text-base font-semibold">Map a group to a role</h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              At each single sign-on, members get the roles their groups (the{" "}
              <span className="font-mono">{settings?.groupsClaim ?? "groups"}</span> claim) map to, and lose those their groups no longer
              map to. Grants made by hand are never touched. You can map only what you hold yourself; only an owner maps to owner.
            </p>
          </div>
          <GroupMappingForm roles={options.roles} namespaces={options.namespaces} />
        </Card>
      ) : null}
      {result.value.length ? (
        <GroupMappingTable mappings={result.value} canManage={canManage} />
      ) : (
        <EmptyState icon={Users} title="No group mappings">
          Members who sign in with SSO get no role from their groups until a mapping gives one.
        </EmptyState>
      )}
    </div>
  );
}
