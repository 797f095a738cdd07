import { LabelChips } from "@/features/secrets/components/label-chips";
import { CopyableId, PageHeader } from "@/components/ui/page-header";
import type { ServiceSummary } from "@/lib/services/service-dto";
import { servicesHref } from "./service-hrefs";

/** Breadcrumb, name, description, labels and the ID to copy. */
export function ServiceHeader({ service, actions }: { service: ServiceSummary; actions: React.ReactNode }) {
  return (
    <PageHeader breadcrumb={{ href: servicesHref(service.namespace), label: "Services", here: service.namespace }} actions={actions}>
      <div className="min-w-0 space-y-2">
        <h1 className="break-all text-2xl font-semibold tracking-tight">{service.name}</h1>
        {service.description ? (
          <p className="max-w-2xl whitespace-pre-line text-sm text-zinc-600 dark:text-zinc-400">{service.description}</p>
        ) : null}
        <LabelChips labels={service.labels} />
        <CopyableId id={service.id} label="Copy service ID" />
      </div>
    </PageHeader>
  );
}
