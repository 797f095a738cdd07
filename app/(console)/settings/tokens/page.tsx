import type { Metadata } from "next";
import { KeySquare } from "lucide-react";
import { CreateTokenForm } from "@/features/tokens/components/create-token-form";
import { TokenTable } from "@/features/tokens/components/token-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/current-actor";
import { grantablePermissions } from "@/lib/tokens/create-access-token";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";

export const metadata: Metadata = { title: "API tokens" };

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
          <TokenTable tokens={tokens} />
        </TableFrame>
      )}
    </div>
  );
}
