import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { NamespaceSwitcher } from "@/features/secrets/components/namespace-switcher";
import { CreateIntegrationButton } from "@/features/integrations/components/create-integration-button";
import { integrationAbilities } from "@/features/integrations/components/integration-abilities";
import { IntegrationTable } from "@/features/integrations/components/integration-table";
import { IntegrationsEmptyState } from "@/features/integrations/components/integrations-empty-state";
import { NeedsIntegrationManage } from "@/features/integrations/components/needs-integration-manage";
import { requireActor } from "@/lib/auth/current-actor";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { first, loadOrDeny, resolveNamespace, type SearchParams } from "@/features/console/load";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = await searchParams;
  const { ns, namespaces } = await resolveNamespace(actor, first(query.ns));
  const [result, may] = await Promise.all([loadOrDeny(() => listIntegrations(actor, ns)), integrationAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Integrations</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Credentials for orchestrators that use Coffer directly: a Docker Swarm&apos;s secret driver, a kube-apiserver&apos;s KMS plugin.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <NamespaceSwitcher namespaces={namespaces.map((n) => n.name)} current={ns} action="/integrations" />
          {/* Always here, never in the empty state: the new token lives in this
              button's dialog, which must survive the refresh that lists it. */}
          {may.manage ? <CreateIntegrationButton ns={ns} swarm={may.swarm} /> : <NeedsIntegrationManage ns={ns} />}
        </div>
      </div>

      {result.value.length ? (
        <IntegrationTable ns={ns} integrations={result.value} canManage={may.manage} />
      ) : (
        <IntegrationsEmptyState ns={ns} canManage={may.manage} />
      )}
    </div>
  );
}
