import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../db/ids";
import { NotFound } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { authorizeSecretBind } from "./authorize-bind";
import { newToken } from "../tokens/token-secret";
import { expiresAtAfter, expiresInDaysSchema } from "../tokens/expires-in-days";
import { findServiceOrThrow } from "./find-service";
import type { NewServiceToken } from "../../packages/contracts/src/services/service-dto";

export const createServiceTokenSchema = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(100, "name is at most 100 characters")
    .default("agent"),
  expiresInDays: expiresInDaysSchema(365),
});

export type { NewServiceToken };

/**
 * A token for the service's agent; the plaintext is returned once. Needs
 * secret:bind too, and reads only while its creator keeps it (runtime-secrets).
 */
export async function createServiceToken(actor: Actor, namespace: string, serviceName: string, input: unknown): Promise<NewServiceToken> {
  const spec = parseInput(createServiceTokenSchema, input ?? {});
  return audited(actor, "servicetoken.create", async (tx) => {
    await authorize(tx, actor, "servicetoken:manage", namespace);
    await authorizeSecretBind(tx, actor, namespace, "mint");
    const approval = await requireApproval(tx, actor, { action: "servicetoken.create", namespace, target: { service: serviceName } });
    const service = await findServiceOrThrow(tx, namespace, serviceName);
    const { token, hash, prefix } = newToken("cfs");
    const row = await tx.serviceToken.create({
      data: {
        id: newId("stk"),
        serviceId: service.id,
        name: spec.name,
        prefix,
        tokenHash: hash,
        expiresAt: expiresAtAfter(spec.expiresInDays),
        createdById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "servicetoken.create",
      resource: { type: "service", id: service.id, name: serviceName },
      namespace,
      details: { tokenId: row.id, name: row.name, expiresAt: row.expiresAt?.toISOString() ?? null, ...(approval ? { approval } : {}) },
    });
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      lastUsedAt: null,
      revokedAt: null,
      token,
    };
  });
}

export async function revokeServiceToken(actor: Actor, namespace: string, serviceName: string, tokenId: string): Promise<void> {
  await audited(actor, "servicetoken.revoke", async (tx) => {
    await authorize(tx, actor, "servicetoken:manage", namespace);
    const service = await findServiceOrThrow(tx, namespace, serviceName);
    const row = await tx.serviceToken.findFirst({ where: { id: tokenId, serviceId: service.id } });
    if (!row) throw new NotFound(`service '${serviceName}' has no token '${tokenId}'`);
    if (row.revokedAt) return;
    await tx.serviceToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "servicetoken.revoke",
      resource: { type: "service", id: service.id, name: serviceName },
      namespace,
      details: { tokenId: row.id, name: row.name },
    });
  });
}
