// A service token reads every secret bound to its service, so it is only as
// good as its creator's secret:bind: once the creator
// loses that permission in the service's namespace (grant revoked, user
// disabled or removed), the token stops reading. Tokens the system minted
// (createdById null) have no creator to lose it.
import type { ServiceActor } from "../auth/actor";
import type { Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { BIND, creatorHoldsBind } from "./creator-holds-bind";

/** Why the token may not read now, or null when it may. One query: this runs on every poll. */
export async function tokenCreatorRefusal(tx: Tx, actor: ServiceActor): Promise<{ reason: string; message: string } | null> {
  const [row] = await tx.$queryRaw<{ system: boolean; allowed: boolean }[]>`
    SELECT t."createdById" IS NULL AS "system",
      ${creatorHoldsBind(Prisma.raw(`t."createdById"`), Prisma.raw(`s."namespaceId"`))} AS "allowed"
    FROM "ServiceToken" t JOIN "Service" s ON s."id" = t."serviceId"
    WHERE t."id" = ${actor.tokenId} AND t."serviceId" = ${actor.id}`;
  if (!row) return { reason: "token_gone", message: "the service token no longer exists" };
  if (row.system || row.allowed) return null;
  return {
    reason: "creator_lacks_permission",
    message:
      `the member who created this service token no longer holds ${BIND} in namespace '${actor.namespace}', ` +
      `so it cannot read secrets; someone who holds ${BIND} there must create a new token`,
  };
}
