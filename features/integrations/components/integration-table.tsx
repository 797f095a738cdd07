import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { actionsColumn, DataTable, noValue } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { IntegrationInfo } from "@/packages/contracts/src/integrations/integration-dto";
import { KINDS } from "./integration-kinds";
import { RenewIntegrationButton } from "./renew-integration-button";
import { RevokeIntegrationButton } from "./revoke-integration-button";

type Props = { ns: string; integrations: IntegrationInfo[]; canManage: boolean };

const never = <span className="text-zinc-500 dark:text-zinc-400">never</span>;

/** A namespace's integrations: only a prefix of each token is kept, to recognise it in a host's token file. */
export function IntegrationTable({ ns, integrations, canManage }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Integrations in namespace ${ns}`}
        rows={integrations}
        rowKey={(integration) => integration.id}
        rowProps={(integration) => ({
          "data-testid": `integration-row-${integration.name}`,
          className: integration.revokedAt ? "opacity-60" : "",
        })}
        columns={[
          {
            header: "Name",
            rowHeader: true,
            // The token's prefix under the name, not a column of its own: the row stays within 1280 px.
            cell: (i) => (
              <div className="space-y-0.5">
                <p className="font-medium text-zinc-900 dark:text-zinc-100">{i.name}</p>
                <code
                  className="whitespace-nowrap font-mono text-xs text-zinc-500 dark:text-zinc-400"
                  title="Token prefix"
                  data-testid="token-prefix"
                >
                  {i.prefix}…
                </code>
              </div>
            ),
          },
          {
            header: "Kind",
            cellProps: (i) => ({ title: KINDS[i.kind].label }),
            cell: (i) => <code className="whitespace-nowrap font-mono text-xs">{i.kind}</code>,
          },
          {
            header: "Created",
            cell: (i) => (
              <div className="space-y-0.5">
                <RelativeTime iso={i.createdAt} />
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{i.createdBy ?? "a former member"}</p>
              </div>
            ),
          },
          { header: "Expires", cell: (i) => (i.expiresAt ? <RelativeTime iso={i.expiresAt} future /> : never) },
          { header: "Last used", cell: (i) => (i.lastUsedAt ? <RelativeTime iso={i.lastUsedAt} /> : noValue) },
          { header: "Status", cellProps: () => ({ "data-testid": "status" }), cell: tokenStatusBadge },
          canManage &&
            actionsColumn(
              (i: IntegrationInfo) =>
                i.revokedAt ? null : (
                  <>
                    <RenewIntegrationButton ns={ns} id={i.id} name={i.name} kind={i.kind} />
                    <RevokeIntegrationButton ns={ns} id={i.id} name={i.name} kind={i.kind} />
                  </>
                ),
              "flex justify-end gap-1",
            ),
        ]}
      />
    </TableFrame>
  );
}
