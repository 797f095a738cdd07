import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { authorizeSecretBind } from "../services/authorize-bind";
import { expiresAtAfter } from "../tokens/expires-in-days";
import { newToken } from "../tokens/token-secret";
import { integrationSelect, toIntegrationInfos, type NewIntegration } from "./integration-dto";
import { renewIntegrationTokenSchema } from "./renew-integration-token.schema";

/**
 * A new token for the same integration; the old one is refused from the
 * next call. The row (and so its id) stays: a kubernetes-kms integration's
 * ciphertexts are bound to that id (kms/kms-envelope.ts), so renewing keeps
 * every etcd object decryptable where a new integration would force the
 * apiserver to re-encrypt them all. Permissions are create's: a
 * docker-swarm token reads bound secrets, so minting one needs secret:bind.
 * A revoked integration stays revoked: revocation is meant to be final.
 */
export async function renewIntegrationToken(actor: Actor, namespace: string, id: string, input: unknown): Promise<NewIntegration> {
  const spec = parseInput(renewIntegrationTokenSchema, input ?? {});
  return audited(actor, "integration.renew", async (tx) => {
    await authorize(tx, actor, "integration:manage", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const row = await tx.integration.findFirst({
      where: { id, namespaceId: ns.id },
      select: { kind: true, name: true, prefix: true, revokedAt: true },
    });
    if (!row) throw new NotFound(`namespace '${namespace}' has no integration '${id}'`);
    if (row.kind === "docker-swarm") await authorizeSecretBind(tx, actor, namespace, "mint");
    const revoked = () =>
      new Conflict(`integration '${row.name}' is revoked and cannot be renewed; create a new one (revoked integrations stay revoked)`);
    if (row.revokedAt) throw revoked();
    const { token, hash, prefix } = newToken("cfi");
    // Guarded on revokedAt, so a revocation that commits first is not undone by a renewal racing it.
    const renewed = await tx.integration.updateMany({
      where: { id, revokedAt: null },
      data: {
        tokenHash: hash,
        prefix,
        expiresAt: expiresAtAfter(spec.expiresInDays),
        // The new token has not been used; the old one's last use stays in the audit trail.
        lastUsedAt: null,
      },
    });
    if (renewed.count === 0) throw revoked();
    const updated = await tx.integration.findUniqueOrThrow({ where: { id }, select: integrationSelect });
    await recordAudit(tx, actor, {
      action: "integration.renew",
      resource: { type: "integration", id: updated.id, name: updated.name },
      namespace,
      details: {
        kind: updated.kind,
        prefix: updated.prefix,
        previousPrefix: row.prefix,
        expiresAt: updated.expiresAt?.toISOString() ?? null,
      },
    });
    const [info] = await toIntegrationInfos(tx, namespace, [updated]);
    return { ...info!, token };
  });
}
