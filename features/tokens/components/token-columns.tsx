import type { Column } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AccessTokenInfo } from "@/lib/tokens/access-token-dto";
import { tokenStatusBadge } from "./token-status-badge";

/**
 * The columns of a personal API token's row, the same on a member's own
 * settings and on the page where an admin sees someone's tokens; `whose`
 * words an unscoped token for the reader ("all of yours", "all of theirs").
 */
export function tokenColumns(whose: "yours" | "theirs", { created = false } = {}): Column<AccessTokenInfo>[] {
  const when = (iso: string | null, future = false) => (iso ? <RelativeTime iso={iso} future={future} /> : "never");
  return [
    { header: "Name", className: "font-medium", cell: (token) => token.name },
    { header: "Token", className: "font-mono text-xs", cell: (token) => `${token.prefix}…` },
    { header: "Scopes", className: "text-xs", cell: (token) => (token.scopes.length ? token.scopes.join(", ") : `all of ${whose}`) },
    ...(created ? [{ header: "Created", cell: (token: AccessTokenInfo) => <RelativeTime iso={token.createdAt} /> }] : []),
    { header: "Last used", cell: (token) => when(token.lastUsedAt) },
    { header: "Expires", cell: (token) => when(token.expiresAt, true) },
    { header: "Status", cell: tokenStatusBadge },
  ];
}
