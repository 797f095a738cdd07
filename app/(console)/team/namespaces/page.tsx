import { FolderTree } from "lucide-react";
import type { Metadata } from "next";
import { ApprovalPoliciesSection } from "@/features/approvals/components/approval-policies-section";
import { CreateNamespaceForm } from "@/features/team/components/create-namespace-form";
import { NamespaceTable } from "@/features/team/components/namespace-table";
import { TeamHeader } from "@/features/team/components/team-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/current-actor";
import { listNamespaces } from "@/lib/namespaces/list-namespaces";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export const metadata: Metadata = { title: "Namespaces" };

export default async function NamespacesPage() {
  const actor = await requireActor();
  const [held, namespaces] = await Promise.all([heldPermissions(actor), listNamespaces(actor)]);
  const canManage = held.has("namespace:manage");
  return (
    <div className="space-y-6">
      <TeamHeader held={held} />
      {canManage ? (
        <Card className="space-y-3 p-5">
          <div>
            <h2 className="text-base font-semibold">Create a namespace</h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Secrets and services live in a namespace, and a role can be granted for one namespace only (say, editor in staging).
            </p>
          </div>
          <CreateNamespaceForm />
        </Card>
      ) : null}
      {namespaces.length ? (
        <>
          <NamespaceTable namespaces={namespaces} canManage={canManage} />
          <ApprovalPoliciesSection actor={actor} namespaces={namespaces.map((n) => n.name)} canManage={canManage} />
        </>
      ) : (
        <EmptyState icon={FolderTree} title="No namespaces visible to you">
          You hold no role in any namespace yet. Ask an owner or admin for a grant.
        </EmptyState>
      )}
    </div>
  );
}
