// Turns an integration token into the acting integration. Refusals are
// counted and audited like a service token's (lib/audit/credential-rejections.ts):
// a revoked Swarm driver still asking for secrets is worth knowing about, a
// flood of invented tokens is not worth one event each.
import type { IntegrationActor, RequestContext } from "../auth/actor";
import { recordCredentialRejection } from "../audit/credential-rejections";
import { db } from "../db/client";
import { Forbidden, Unauthorized } from "../errors";
import { hashToken } from "../tokens/token-secret";
import { lapsed, shouldRecordUse } from "../tokens/token-use";
import { INTEGRATION_KINDS, type IntegrationKind } from "../../packages/contracts/src/integrations/integration-dto";

function isKind(value: string): value is IntegrationKind {
  return (INTEGRATION_KINDS as readonly string[]).includes(value);
}

/**
 * `token` is the bearer token of the request (null when there is none),
 * `kind` what the endpoint serves: 401 for a missing, unknown, revoked or
 * expired token, 403 for a valid token of the other kind (a KMS plugin's
 * token must not fetch Swarm secrets, nor the reverse).
 */
export async function resolveIntegrationToken(
  token: string | null,
  context: RequestContext,
  kind: IntegrationKind,
): Promise<IntegrationActor> {
  if (!token) {
    await recordCredentialRejection({ kind: "integration", reason: "missing", token, context });
    throw new Unauthorized(`an integration token (Authorization: Bearer cfi_…) of kind ${kind} is required`);
  }
  const row = token.startsWith("cfi_")
    ? await db.integration.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { namespace: { select: { name: true } } },
      })
    : null;
  const now = new Date();
  const problem = !row ? "unknown" : (lapsed(row, now) ?? (row.kind !== kind || !isKind(row.kind) ? "wrong_kind" : null));
  if (!row || problem) {
    await recordCredentialRejection({
      kind: "integration",
      reason: problem ?? "unknown",
      token,
      context,
      label: row ? `${row.namespace.name}/${row.name}` : null,
      resource: row ? { type: "integration", id: row.id, name: row.name } : undefined,
      namespace: row?.namespace.name ?? null,
      details: row ? { integrationId: row.id, kind: row.kind, ...(problem === "wrong_kind" ? { expected: kind } : {}) } : undefined,
    });
    if (row && problem === "wrong_kind") {
      throw new Forbidden(`integration '${row.name}' is of kind ${row.kind}; this endpoint takes a ${kind} integration`);
    }
    throw new Unauthorized(`the integration token is ${problem ?? "invalid"}`);
  }
  if (shouldRecordUse(row.lastUsedAt, now)) {
    await db.integration.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    type: "integration",
    id: row.id,
    label: `${row.namespace.name}/${row.name}`,
    context,
    namespace: row.namespace.name,
    namespaceId: row.namespaceId,
    kind,
    createdById: row.createdById,
  };
}
