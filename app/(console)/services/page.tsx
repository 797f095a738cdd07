import { Boxes } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { NamespaceSwitcher } from "@/features/secrets/components/namespace-switcher";
import { CreateServiceButton } from "@/features/services/components/create-service-button";
import { serviceAbilities } from "@/features/services/components/service-abilities";
import { ServiceTable } from "@/features/services/components/service-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FlashToast } from "@/components/ui/toast";
import { requireActor } from "@/lib/auth/current-actor";
import { ListPager } from "@/features/secrets/components/list-pager";
import { listServicesPage } from "@/lib/services/list-services";
import { first, loadOrDeny, resolveNamespace, type SearchParams } from "@/features/console/load";

export const metadata: Metadata = { title: "Services" };

const PAGE_SIZE = 100;

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = await searchParams;
  const { ns, namespaces } = await resolveNamespace(actor, first(query.ns));
  const page = { limit: PAGE_SIZE, cursor: first(query.cursor), before: first(query.before), count: true };
  const [result, may] = await Promise.all([loadOrDeny(() => listServicesPage(actor, ns, page)), serviceAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const pageHref = (at: Record<string, string>) => `/services?${new URLSearchParams({ ns, ...at })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Services</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Workloads that receive the secrets bound to them, as files in <code className="font-mono text-xs">/run/secrets</code>, through
            their agent&apos;s token.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <NamespaceSwitcher namespaces={namespaces.map((n) => n.name)} current={ns} action="/services" />
          {may.create ? <CreateServiceButton ns={ns} /> : null}
        </div>
      </div>

      {first(query.notice) === "deleted" ? (
        <FlashToast
          message={`Service ${first(query.service) ?? ""} deleted, with its bindings and tokens.`}
          params={["notice", "service"]}
        />
      ) : null}

      {result.value.services.length ? (
        <>
          <ServiceTable ns={ns} services={result.value.services} />
          <ListPager
            noun="services"
            total={result.value.total ?? result.value.services.length}
            offset={result.value.offset ?? 0}
            shown={result.value.services.length}
            prevHref={result.value.prevCursor ? pageHref({ before: result.value.prevCursor }) : null}
            nextHref={result.value.nextCursor ? pageHref({ cursor: result.value.nextCursor }) : null}
          />
        </>
      ) : (
        <EmptyState
          icon={Boxes}
          title={`No services in namespace ${ns} yet`}
          action={may.create ? <CreateServiceButton ns={ns} variant="secondary" /> : null}
        >
          A service is a workload that receives the secrets you bind to it.{" "}
          {may.create
            ? "Create one, bind secrets to it, then give its agent a token."
            : "Someone with the deployer, operator or editor role in this namespace can create one."}
        </EmptyState>
      )}
    </div>
  );
}
