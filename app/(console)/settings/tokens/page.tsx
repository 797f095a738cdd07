import type { Metadata } from "next";
import { KeySquare } from "lucide-react";
import { CreateTokenForm } from "@/features/tokens/components/create-token-form";
import { RevokeTokenButton } from "@/features/tokens/components/revoke-token-button";
import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, THead } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/current-actor";
import { grantablePermissions } from "@/lib/tokens/create-access-token";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";

export const metadata: Metadata = { title: "API tokens" };

const cell = "px-4 py-2.5 align-middle";

export default async function TokensPage() {
  const actor = await requireActor();
  const [tokens, permissions] = await Promise.all([listAccessTokens(actor), grantablePermissions(actor)]);
  return (
    <div className="space-y-6">
      <Card className="space-y-3 p-5">
        <div>
          <h2 className="text-base font-semibold">Create a personal API token</h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            For the <code className="font-mono">coffer</code> CLI and scripts. A token acts as you, limited to the permissions you pick, and
            only its SHA-256 is stored.
          </p>
        </div>
        <CreateTokenForm permissions={permissions} />
      </Card>
      {tokens.length === 0 ? (
        <EmptyState icon={KeySquare} title="No API tokens yet">
          Create one above, or run <code className="font-mono">coffer login --server URL</code>.
        </EmptyState>
      ) : (
        <TableFrame>
          <Table>
            <THead>
              <tr>
                <th className={cell}>Name</th>
                <th className={cell}>Token</th>
                <th className={cell}>Scopes</th>
                <th className={cell}>Created</th>
                <th className={cell}>Last used</th>
                <th className={cell}>Expires</th>
                <th className={cell}>Status</th>
                <th className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </THead>
            <TBody>
              {tokens.map((token) => (
                <tr key={token.id} className={token.revokedAt ? "opacity-60" : undefined}>
                  <td className={`${cell} font-medium`}>{token.name}</td>
                  <td className={`${cell} font-mono text-xs`}>{token.prefix}…</td>
                  <td className={`${cell} text-xs`}>{token.scopes.length ? token.scopes.join(", ") : "all of yours"}</td>
                  <td className={cell}>
                    <RelativeTime iso={token.createdAt} />
                  </td>
                  <td className={cell}>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : "never"}</td>
                  <td className={cell}>{token.expiresAt ? <RelativeTime iso={token.expiresAt} /> : "never"}</td>
                  <td className={cell}>{tokenStatusBadge(token)}</td>
                  <td className={`${cell} text-right`}>{token.revokedAt ? null : <RevokeTokenButton id={token.id} name={token.name} />}</td>
                </tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
