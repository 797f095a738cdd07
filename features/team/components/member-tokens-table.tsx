import { revokeMemberTokenAction } from "@/features/team/member-actions";
import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AccessTokenInfo } from "@/lib/tokens/access-token-dto";
import { RevokeButton } from "./row-confirm-button";

type Props = { userId: string; email: string; tokens: AccessTokenInfo[]; canRevoke: boolean };

/** A member's personal API tokens, metadata only; an admin revokes one left on a lost laptop. */
export function MemberTokensTable({ userId, email, tokens, canRevoke }: Props) {
  return (
    <DataTable
      caption={`API tokens of ${email}`}
      rows={tokens}
      rowKey={(token) => token.id}
      rowProps={(token) => ({ "data-testid": `member-token-${token.name}`, className: token.revokedAt ? "opacity-60" : undefined })}
      columns={[
        { header: "Name", className: "font-medium", cell: (token) => token.name },
        { header: "Token", className: "font-mono text-xs", cell: (token) => `${token.prefix}…` },
        { header: "Scopes", className: "text-xs", cell: (token) => (token.scopes.length ? token.scopes.join(", ") : "all of theirs") },
        { header: "Last used", cell: (token) => (token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : "never") },
        { header: "Expires", cell: (token) => (token.expiresAt ? <RelativeTime iso={token.expiresAt} /> : "never") },
        { header: "Status", cell: tokenStatusBadge },
        canRevoke &&
          actionsColumn((token: AccessTokenInfo) =>
            token.revokedAt ? null : (
              <RevokeButton
                ariaLabel={`Revoke token ${token.name}`}
                title={`Revoke token ${token.name} of ${email}?`}
                description="Anything using it (the coffer CLI, a script) stops working at once. Their other tokens keep working."
                confirmLabel="Revoke token"
                action={revokeMemberTokenAction}
                fields={{ userId, tokenId: token.id }}
                done={`Revoked token ${token.name} of ${email}.`}
              />
            ),
          ),
      ]}
    />
  );
}
