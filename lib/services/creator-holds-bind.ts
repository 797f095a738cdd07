// The rule behind every credential that reads bound secrets (a service
// token, a docker-swarm integration): it is only as good as its creator's
// secret:bind. As one SQL condition, so the check stays one query on the
// hot path (every poll, every task start) and both credentials keep the
// same rule: an enabled member whose role in that namespace, or a global
// one, grants the permission.
import { Prisma } from "../generated/prisma/client";
import type { Permission } from "../rbac/permissions";

export const BIND: Permission = "secret:bind";

/**
 * True when the user `creatorId` still holds secret:bind in `namespaceId`.
 * Both are column references of the calling query (written by our code, never input).
 */
export function creatorHoldsBind(creatorId: Prisma.Sql, namespaceId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "RoleBinding" rb
    JOIN "Role" r ON r."id" = rb."roleId"
    JOIN "User" u ON u."id" = rb."userId"
    WHERE rb."userId" = ${creatorId} AND NOT u."disabled" AND ${BIND}::text = ANY (r."permissions")
      AND (rb."namespaceId" IS NULL OR rb."namespaceId" = ${namespaceId})
  )`;
}
