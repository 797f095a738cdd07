import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import type { Tx } from "../db/client";
import { authorize } from "../rbac/authorize";
import { findServiceOrThrow } from "./find-service";
import { bindingSelect, serviceSelect, toBindingInfo, toServiceSummary, type ServiceDetail } from "./service-dto";

export async function serviceDetail(tx: Tx, serviceId: string): Promise<ServiceDetail> {
  const row = await tx.service.findUniqueOrThrow({ where: { id: serviceId }, select: serviceSelect() });
  const bindings = await tx.secretBinding.findMany({ where: { serviceId }, select: bindingSelect, orderBy: { target: "asc" } });
  const tokens = await tx.serviceToken.findMany({ where: { serviceId }, orderBy: { createdAt: "desc" } });
  const reads = await tx.secretAccess.findMany({
    where: { readerKey: `service:${serviceId}` },
    orderBy: { lastReadAt: "desc" },
    take: 50,
    select: { firstReadAt: true, lastReadAt: true, count: true, secret: { select: { name: true } } },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...toServiceSummary(row),
    bindingList: bindings.map(toBindingInfo),
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      expiresAt: iso(t.expiresAt),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
    })),
    reads: reads.map((r) => ({
      secret: r.secret.name,
      firstReadAt: r.firstReadAt.toISOString(),
      lastReadAt: r.lastReadAt.toISOString(),
      count: r.count,
    })),
  };
}

export async function getService(actor: Actor, namespace: string, name: string): Promise<ServiceDetail> {
  return audited(actor, "service.inspect", async (tx) => {
    await authorize(tx, actor, "service:inspect", namespace);
    const service = await findServiceOrThrow(tx, namespace, name);
    return serviceDetail(tx, service.id);
  });
}
