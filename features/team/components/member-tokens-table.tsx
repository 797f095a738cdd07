import { revokeMemberTokenAction } from "@/features/team/member-actions";
import { tokenStatusBadge } from "@/features/tokens/components/token-status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AccessTokenInfo } from "@/lib/tokens/access-token-dto";
import { ConfirmButton } from "./confirm-button";

type Props = { userId: string; email: string; tokens: AccessTokenInfo[]; canRevoke: boolean };

/** A member's personal API tokens, metadata only; an admin revokes one left on a lost laptop. */
export function MemberTokensTable({ userId, email, tokens, canRevoke }: Props) {
  return (
    <Table>
      <caption className="sr-only">API tokens of {email}</caption>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th>Scopes</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          {canRevoke ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {tokens.map((token) => (
          <Tr key={token.id} data-testid={`member-token-${token.name}`} className={token.revokedAt ? "opacity-60" : undefined}>
            <Td className="font-medium">{token.name}</Td>
            <Td className="font-mono text-xs">{token.prefix}…</Td>
            <Td className="text-xs">{token.scopes.length ? token.scopes.join(", ") : "all of theirs"}</Td>
            <Td>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : "never"}</Td>
            <Td>{token.expiresAt ? <RelativeTime iso={token.expiresAt} /> : "never"}</Td>
            <Td>
              {tokenStatusBadge(token)}
            </Td>
            {canRevoke ? (
              <Td>
                <div className="flex justify-end">
                  {token.revokedAt ? null : (
                    <ConfirmButton
                      variant="ghost"
                      className="px-2 py-1 text-xs"
                      label="Revoke"
                      ariaLabel={`Revoke token ${token.name}`}
                      title={`Revoke token ${token.name} of ${email}?`}
                      description="Anything using it (the coffer CLI, a script) stops working at once. Their other tokens keep working."
                      confirmLabel="Revoke token"
                      pendingLabel="Revoking…"
                      danger
                      action={revokeMemberTokenAction}
                      fields={{ userId, tokenId: token.id }}
                      done={`Revoked token ${token.name} of ${email}.`}
                    />
                  )}
                </div>
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
