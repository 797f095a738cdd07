import { secretHref } from "@/features/secrets/components/secret-hrefs";
import { BindingVersion } from "@/components/ui/binding-version";
import { actionsColumn, DataTable, noValue } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import { TableFrame } from "@/components/ui/table";
import type { BindingInfo } from "@/lib/services/service-dto";
import { RemoveBindingButton } from "./remove-binding-button";

type Props = { ns: string; service: string; bindings: BindingInfo[]; canManage: boolean };

/** What `docker service inspect` lists under Secrets, plus env, key and version. */
export function BindingsTable({ ns, service, bindings, canManage }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Secrets bound to service ${service}`}
        rows={bindings}
        rowKey={(binding) => binding.id}
        rowProps={(binding) => ({ "data-testid": `binding-row-${binding.target}` })}
        columns={[
          { header: "Secret", cell: (binding) => <RowLink href={secretHref(ns, binding.secret)}>{binding.secret}</RowLink> },
          {
            header: "Target",
            cell: (binding) => (
              <code className="font-mono text-xs" title={`/run/secrets/${binding.target}`}>
                {binding.target}
              </code>
            ),
          },
          { header: "UID", numeric: true, cell: (binding) => binding.uid },
          { header: "GID", numeric: true, cell: (binding) => binding.gid },
          { header: "Mode", className: "font-mono text-xs", cellProps: () => ({ "data-testid": "mode" }), cell: (binding) => binding.mode },
          {
            header: "Env",
            cell: (binding) =>
              binding.envName ? (
                <code className="font-mono text-xs" title={`The agent sets ${binding.envName}_FILE=/run/secrets/${binding.target}`}>
                  {binding.envName}_FILE
                </code>
              ) : (
                noValue
              ),
          },
          {
            header: "Key",
            cell: (binding) =>
              binding.key ? (
                <code className="font-mono text-xs">{binding.key}</code>
              ) : (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">all keys</span>
              ),
          },
          {
            header: "Version",
            className: "whitespace-nowrap tabular-nums",
            cell: (binding) => <BindingVersion version={binding.version} pinned={binding.pinnedVersion !== null} />,
          },
          canManage &&
            actionsColumn((binding: BindingInfo) => (
              <RemoveBindingButton ns={ns} service={service} secret={binding.secret} target={binding.target} />
            )),
        ]}
      />
    </TableFrame>
  );
}
