// The calling token, described and revoked by itself: what Vault clients
// call auth/token/lookup-self and revoke-self. A person's API token and a
// service token answer alike; the token's secret is never part of it.
// Looking up one's own token is not audited (like GET /api/v1/me: it reads
// only the caller's own credential); revoking it is.
import type { ServiceActor, UserActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
import { NotFound } from "../errors";
import { revokeAccessToken } from "./revoke-access-token";

export type OwnToken = {
  id: string;
  kind: "personal" | "service";
  /** The user's email, or `<namespace>/<service>`. */
  displayName: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** Role grants as `role` (instance-wide) or `role@namespace`; a service's is `service:<namespace>/<name>`. */
  policies: string[];
  namespace: string | null;
};

export async function lookupOwnToken(actor: UserActor | ServiceActor): Promise<OwnToken> {
  if (actor.type === "service") {
    const row = await db.serviceToken.findUnique({ where: { id: actor.tokenId }, select: { createdAt: true, expiresAt: true } });
    if (!row) throw new NotFound("the service token no longer exists");
    return {
      id: actor.tokenId,
      kind: "service",
      displayName: actor.label,
      ...row,
      policies: [`service:${actor.label}`],
      namespace: actor.namespace,
    };
  }
  const tokenId = actor.token?.id;
  const row = tokenId ? await db.accessToken.findUnique({ where: { id: tokenId }, select: { createdAt: true, expiresAt: true } }) : null;
  if (!tokenId || !row) throw new NotFound("the API token no longer exists");
  const grants = await db.roleBinding.findMany({
    where: { userId: actor.id },
    select: { role: { select: { name: true } }, namespace: { select: { name: true } } },
  });
  const policies = grants.map((g) => (g.namespace ? `${g.role.name}@${g.namespace.name}` : g.role.name)).sort();
  return { id: tokenId, kind: "personal", displayName: actor.label, ...row, policies, namespace: null };
}

/** Revokes the calling token: it is refused from the next request. */
export async function revokeOwnToken(actor: UserActor | ServiceActor): Promise<void> {
  if (actor.type === "user") {
    if (!actor.token) throw new NotFound("only an API token can revoke itself");
    return revokeAccessToken(actor, actor.token.id);
  }
  await db.$transaction(async (tx) => {
    const row = await tx.serviceToken.findUnique({ where: { id: actor.tokenId }, select: { id: true, name: true, revokedAt: true } });
    if (!row || row.revokedAt) return;
    await tx.serviceToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "servicetoken.revoke",
      resource: { type: "service", id: actor.id, name: actor.label.split("/")[1] ?? actor.label },
      namespace: actor.namespace,
      details: { tokenId: row.id, name: row.name, self: true },
    });
  });
}
