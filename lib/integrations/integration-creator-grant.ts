// A docker-swarm integration reads every secret bound in its namespace, so
// it is only as good as its creator's secret:bind, like a service token
// (lib/services/token-creator-grant.ts): once the creator loses it there
// (grant revoked, member disabled or removed), deliveries stop.
// Integrations the system made (createdById null) have no creator to lose it.
import type { IntegrationActor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { BIND, creatorHoldsBind } from "../services/creator-holds-bind";

/** Why the integration may not deliver now, or null when it may. One query: this runs on every task start. */
export async function integrationCreatorRefusal(tx: Tx, actor: IntegrationActor): Promise<{ reason: string; message: string } | null> {
  const [row] = await tx.$queryRaw<{ system: boolean; allowed: boolean; revoked: boolean }[]>`
    SELECT i."createdById" IS NULL AS "system", i."revokedAt" IS NOT NULL AS "revoked",
      ${creatorHoldsBind(Prisma.raw(`i."createdById"`), Prisma.raw(`i."namespaceId"`))} AS "allowed"
    FROM "Integration" i
    WHERE i."id" = ${actor.id}`;
  // Revoked between resolving the token and this transaction: refused the same.
  if (!row || row.revoked) return { reason: "integration_revoked", message: `integration '${actor.label}' was revoked` };
  if (row.system || row.allowed) return null;
  return {
    reason: "creator_lacks_permission",
    message:
      `the member who created integration '${actor.label}' no longer holds ${BIND} in namespace '${actor.namespace}', ` +
      `so it cannot deliver secrets; someone who holds ${BIND} there must create a new integration`,
  };
}
