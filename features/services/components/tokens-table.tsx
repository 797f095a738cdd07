import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { ServiceTokenInfo } from "@/lib/services/service-dto";
import { RevokeServiceTokenButton } from "./revoke-service-token-button";

type Props = { ns: string; service: string; tokens: ServiceTokenInfo[]; canManage: boolean };

const never = <span className="text-zinc-500 dark:text-zinc-400">never</span>;

/** The service's agent tokens: only a prefix of each is kept to recognise it. */
export function TokensTable({ ns, service, tokens, canManage }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Tokens of service ${service}`}
        rows={tokens}
        rowKey={(token) => token.id}
        rowProps={(token) => ({ "data-testid": `token-row-${token.id}`, className: token.revokedAt ? "opacity-60" : "" })}
        columns={[
          { header: "Name", className: "font-medium text-zinc-900 dark:text-zinc-100", cell: (token) => token.name },
          { header: "Token", cell: (token) => <code className="font-mono text-xs">{token.prefix}…</code> },
          { header: "Created", cell: (token) => <RelativeTime iso={token.createdAt} /> },
          { header: "Last used", cell: (token) => (token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : never) },
          { header: "Expires", cell: (token) => (token.expiresAt ? <RelativeTime iso={token.expiresAt} future /> : never) },
          { header: "Status", cell: tokenStatusBadge },
          canManage &&
            actionsColumn((token: ServiceTokenInfo) =>
              token.revokedAt ? null : <RevokeServiceTokenButton ns={ns} service={service} tokenId={token.id} name={token.name} />,
            ),
        ]}
      />
    </TableFrame>
  );
}
