import { LabelChips } from "@/features/secrets/components/label-chips";
import { DataTable, noValue } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowLink } from "@/components/ui/row-link";
import { TableFrame } from "@/components/ui/table";
import type { ServiceSummary } from "@/lib/services/service-dto";
import { serviceHref } from "./service-hrefs";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** `docker service ls`-like: name, bound secrets, active tokens, times, description. */
export function ServiceTable({ ns, services }: { ns: string; services: ServiceSummary[] }) {
  return (
    <TableFrame>
      <DataTable
        caption={`Services in namespace ${ns}`}
        rows={services}
        rowKey={(service) => service.id}
        rowProps={(service) => ({ "data-testid": `service-row-${service.name}` })}
        columns={[
          { header: "Name", cell: (service) => <RowLink href={serviceHref(ns, service.name)}>{service.name}</RowLink> },
          {
            header: "Secrets",
            numeric: true,
            cellProps: (service) => ({ "data-testid": "bindings", title: plural(service.bindings, "bound secret") }),
            cell: (service) => service.bindings,
          },
          {
            header: "Tokens",
            numeric: true,
            cellProps: (service) => ({ "data-testid": "tokens", title: `${plural(service.activeTokens, "token")} not revoked` }),
            cell: (service) => service.activeTokens,
          },
          { header: "Created", cell: (service) => <RelativeTime iso={service.createdAt} /> },
          { header: "Updated", cell: (service) => <RelativeTime iso={service.updatedAt} /> },
          {
            header: "Description",
            className: "min-w-56",
            cell: (service) => (
              <div className="space-y-1">
                {service.description ? <p className="line-clamp-2 text-zinc-600 dark:text-zinc-400">{service.description}</p> : null}
                <LabelChips labels={service.labels} empty={service.description ? null : noValue} />
              </div>
            ),
          },
        ]}
      />
    </TableFrame>
  );
}
