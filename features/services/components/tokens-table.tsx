import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServiceTokenInfo } from "@/lib/services/service-dto";
import { RevokeServiceTokenButton } from "./revoke-service-token-button";

type Props = { ns: string; service: string; tokens: ServiceTokenInfo[]; canManage: boolean };

const never = <span className="text-zinc-400">never</span>;

/** The service's agent tokens: only a prefix of each is kept to recognise it. */
export function TokensTable({ ns, service, tokens, canManage }: Props) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Tokens of service {service}</caption>
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Token</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th>Status</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {tokens.map((token) => (
            <Tr key={token.id} data-testid={`token-row-${token.id}`} className={token.revokedAt ? "opacity-60" : ""}>
              <Td className="font-medium text-zinc-900 dark:text-zinc-100">{token.name}</Td>
              <Td>
                <code className="font-mono text-xs">{token.prefix}…</code>
              </Td>
              <Td>
                <RelativeTime iso={token.createdAt} />
              </Td>
              <Td>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : never}</Td>
              <Td>{token.expiresAt ? <RelativeTime iso={token.expiresAt} /> : never}</Td>
              <Td>{tokenStatusBadge(token)}</Td>
              {canManage ? (
                <Td>
                  {/* Not text-right: the dialog renders inside this cell and would inherit it. */}
                  <div className="flex justify-end">
                    {token.revokedAt ? null : <RevokeServiceTokenButton ns={ns} service={service} tokenId={token.id} name={token.name} />}
                  </div>
                </Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
