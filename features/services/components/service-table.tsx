import Link from "next/link";
import { LabelChips } from "@/features/secrets/components/label-chips";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServiceSummary } from "@/lib/services/service-dto";
import { serviceHref } from "./service-hrefs";

/** `docker service ls`-like: name, bound secrets, active tokens, times, description. */
export function ServiceTable({ ns, services }: { ns: string; services: ServiceSummary[] }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Services in namespace {ns}</caption>
        <THead>
          <tr>
            <Th>Name</Th>
            <Th className="text-right">Secrets</Th>
            <Th className="text-right">Tokens</Th>
            <Th>Created</Th>
            <Th>Updated</Th>
            <Th>Description</Th>
          </tr>
        </THead>
        <TBody>
          {services.map((service) => (
            <Tr key={service.id} data-testid={`service-row-${service.name}`}>
              <Td>
                <Link
                  href={serviceHref(ns, service.name)}
                  className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  {service.name}
                </Link>
              </Td>
              <Td className="text-right tabular-nums" data-testid="bindings" title={`${service.bindings} bound secret${service.bindings === 1 ? "" : "s"}`}>
                {service.bindings}
              </Td>
              <Td className="text-right tabular-nums" data-testid="tokens" title={`${service.activeTokens} token${service.activeTokens === 1 ? "" : "s"} not revoked`}>
                {service.activeTokens}
              </Td>
              <Td>
                <RelativeTime iso={service.createdAt} />
              </Td>
              <Td>
                <RelativeTime iso={service.updatedAt} />
              </Td>
              <Td className="min-w-56">
                <div className="space-y-1">
                  {service.description ? <p className="line-clamp-2 text-zinc-600 dark:text-zinc-400">{service.description}</p> : null}
                  <LabelChips labels={service.labels} empty={service.description ? null : <span className="text-zinc-400">—</span>} />
                </div>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
