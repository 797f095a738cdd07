import { Badge } from "@/components/ui/badge";

/** A personal or service token's state: revoked, expired or active; rendered on the server, where "now" is the request's time. */
export function tokenStatusBadge(token: { revokedAt: string | null; expiresAt: string | null }) {
  if (token.revokedAt) return <Badge>revoked</Badge>;
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return <Badge tone="amber">expired</Badge>;
  return <Badge tone="green">active</Badge>;
}
