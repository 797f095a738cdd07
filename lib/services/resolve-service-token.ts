// Turns a service token into the acting service. Every refusal is counted
// and audited (a revoked or expired token still knocking is worth knowing
// about), aggregated per source and token prefix so a flood of bad tokens
// neither floods the trail nor queues the instance on the audit lock
// (lib/audit/credential-rejections.ts).
import type { RequestContext, ServiceActor } from "../auth/actor";
import { recordCredentialRejection } from "../audit/credential-rejections";
import { db } from "../db/client";
import { Unauthorized } from "../errors";
import { hashToken } from "../tokens/token-secret";
import { lapsed, shouldRecordUse } from "../tokens/token-use";

/** `token` is the bearer token of the request, null when there is none. */
export async function resolveServiceToken(token: string | null, context: RequestContext): Promise<ServiceActor> {
  if (!token) {
    await recordCredentialRejection({ kind: "service", reason: "missing", token, context });
    throw new Unauthorized("a service token (Authorization: Bearer cfs_…) is required");
  }
  const row = token.startsWith("cfs_")
    ? await db.serviceToken.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { service: { select: { id: true, name: true, namespace: { select: { name: true } } } } },
      })
    : null;
  const now = new Date();
  const problem = !row ? "unknown" : lapsed(row, now);
  if (!row || problem) {
    await recordCredentialRejection({
      kind: "service",
      reason: problem ?? "unknown",
      token,
      context,
      label: row ? `${row.service.namespace.name}/${row.service.name}` : null,
      resource: row ? { type: "service", id: row.service.id, name: row.service.name } : undefined,
      namespace: row?.service.namespace.name ?? null,
      details: row ? { tokenId: row.id } : undefined,
    });
    throw new Unauthorized(`the service token is ${problem ?? "invalid"}`);
  }
  if (shouldRecordUse(row.lastUsedAt, now)) {
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
