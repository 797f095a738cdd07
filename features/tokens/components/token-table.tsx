import { actionsColumn, DataTable } from "@/components/ui/data-table";
import type { AccessTokenInfo } from "@/lib/tokens/access-token-dto";
import { RevokeTokenButton } from "./revoke-token-button";
import { tokenColumns } from "./token-columns";

/** The member's own personal API tokens, metadata only (the secret part was shown once). */
export function TokenTable({ tokens }: { tokens: AccessTokenInfo[] }) {
  return (
    <DataTable
      caption="Your API tokens"
      rows={tokens}
      rowKey={(token) => token.id}
      rowProps={(token) => ({ className: token.revokedAt ? "opacity-60" : undefined })}
      columns={[
        ...tokenColumns("yours", { created: true }),
        actionsColumn((token: AccessTokenInfo) => (token.revokedAt ? null : <RevokeTokenButton id={token.id} name={token.name} />)),
      ]}
    />
  );
}
