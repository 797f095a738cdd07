import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../db/ids";
import { Conflict } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { authorizeSecretBind } from "../services/authorize-bind";
import { expiresAtAfter } from "../tokens/expires-in-days";
import { newToken } from "../tokens/token-secret";
import { integrationSelect, toIntegrationInfos, type NewIntegration } from "./integration-dto";
import { createIntegrationSchema } from "./integration-rules";

/**
 * A credential for an orchestrator; the token's plaintext is returned once.
 * A docker-swarm one reads every secret bound to every service of the
 * namespace, so, like minting a service token, it needs secret:bind too
 * (and delivers only while its creator keeps it: docker-swarm-delivery.ts).
 */
export async function createIntegration(actor: Actor, namespace: string, input: unknown): Promise<NewIntegration> {
  const spec = parseInput(createIntegrationSchema, input ?? {});
  return audited(actor, "integration.create", async (tx) => {
    await authorize(tx, actor, "integration:manage", namespace);
    if (spec.kind === "docker-swarm") await authorizeSecretBind(tx, actor, namespace, "mint");
    const approval = await requireApproval(tx, actor, {
      action: "integration.create",
      namespace,
      target: { kind: spec.kind, name: spec.name },
    });
    const ns = await findNamespaceOrThrow(tx, namespace);
    const taken = await tx.integration.findUnique({
      where: { namespaceId_name: { namespaceId: ns.id, name: spec.name } },
      select: { revokedAt: true },
    });
    if (taken) {
      const why = taken.revokedAt ? " (revoked integrations keep their name, so the audit trail names one credential)" : "";
      throw new Conflict(`integration '${spec.name}' already exists in namespace '${namespace}'${why}`, { field: "name" });
    }
    const { token, hash, prefix } = newToken("cfi");
    const row = await tx.integration.create({
      data: {
        id: newId("int"),
        namespaceId: ns.id,
        kind: spec.kind,
        name: spec.name,
        prefix,
        tokenHash: hash,
        expiresAt: expiresAtAfter(spec.expiresInDays),
        createdById: actor.type === "user" ? actor.id : null,
      },
      select: integrationSelect,
    });
    await recordAudit(tx, actor, {
      action: "integration.create",
      resource: { type: "integration", id: row.id, name: row.name },
      namespace,
      details: { kind: row.kind, prefix: row.prefix, expiresAt: row.expiresAt?.toISOString() ?? null, ...(approval ? { approval } : {}) },
    });
    const [info] = await toIntegrationInfos(tx, namespace, [row]);
    return { ...info!, token };
  });
}
