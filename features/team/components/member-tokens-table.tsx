import { revokeMemberTokenAction } from "@/features/team/member-actions";
import { tokenColumns } from "@/features/tokens/components/token-columns";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
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
        ...tokenColumns("theirs"),
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
