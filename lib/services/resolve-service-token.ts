// Turns a service token into the acting service. Every refusal is audited:
// a revoked or expired token still knocking is worth knowing about.
import { anonymousActor, type RequestContext, type ServiceActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
import { Unauthorized } from "../http/errors";
import { hashToken } from "../tokens/token-secret";

const LAST_USED_PRECISION_MS = 60_000;

export async function resolveServiceToken(token: string, context: RequestContext): Promise<ServiceActor> {
  const row = token.startsWith("cfs_")
    ? await db.serviceToken.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { service: { select: { id: true, name: true, namespace: { select: { name: true } } } } },
      })
    : null;
  const now = new Date();
  const problem = !row ? "unknown" : row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : null;
  if (!row || problem) {
    await db.$transaction((tx) =>
      recordAudit(tx, anonymousActor(context, row ? `${row.service.namespace.name}/${row.service.name}` : null), {
        action: "servicetoken.rejected",
        outcome: "denied",
        resource: row ? { type: "service", id: row.service.id, name: row.service.name } : undefined,
        namespace: row?.service.namespace.name ?? null,
        details: { reason: problem ?? "unknown", ...(row ? { tokenId: row.id } : {}) },
      }),
    );
    throw new Unauthorized(`the service token is ${problem ?? "invalid"}`);
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.serviceToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    type: "service",
    id: row.service.id,
    label: `${row.service.namespace.name}/${row.service.name}`,
    context,
    namespace: row.service.namespace.name,
    tokenId: row.id,
  };
}
