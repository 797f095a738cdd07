import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../db/ids";
import { Conflict } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { findServiceOrThrow } from "./find-service";
import { serviceSelect, toServiceSummary, type ServiceSummary } from "./service-dto";
import { createServiceSchema, updateServiceSchema } from "./service-rules";

export async function createService(actor: Actor, namespace: string, input: unknown): Promise<ServiceSummary> {
  const spec = parseInput(createServiceSchema, input);
  return audited(actor, "service.create", async (tx) => {
    await authorize(tx, actor, "service:create", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    if (await tx.service.findUnique({ where: { namespaceId_name: { namespaceId: ns.id, name: spec.name } } })) {
      throw new Conflict(`service '${spec.name}' already exists in namespace '${namespace}'`, { field: "name" });
    }
    const row = await tx.service.create({
      data: { id: newId("svc"), namespaceId: ns.id, ...spec, createdById: actor.id },
      select: serviceSelect(),
    });
    await recordAudit(tx, actor, { action: "service.create", resource: { type: "service", id: row.id, name: row.name }, namespace });
    return toServiceSummary(row);
  });
}

/** Rename, describe, relabel. */
export async function updateService(actor: Actor, namespace: string, name: string, input: unknown): Promise<ServiceSummary> {
  const changes = parseInput(updateServiceSchema, input);
  return audited(actor, "service.update", async (tx) => {
    await authorize(tx, actor, "service:update", namespace);
    const service = await findServiceOrThrow(tx, namespace, name);
    if (changes.name && changes.name !== name) {
      const clash = await tx.service.findUnique({ where: { namespaceId_name: { namespaceId: service.namespaceId, name: changes.name } } });
      if (clash) throw new Conflict(`service '${changes.name}' already exists in namespace '${namespace}'`, { field: "name" });
    }
    const row = await tx.service.update({
      where: { id: service.id },
      data: { ...changes, updatedAt: new Date() },
      select: serviceSelect(),
    });
    await recordAudit(tx, actor, {
      action: "service.update",
      resource: { type: "service", id: service.id, name: row.name },
      namespace,
      details: { changed: Object.keys(changes).sort(), ...(changes.name ? { from: name } : {}) },
    });
    return toServiceSummary(row);
  });
}

/** Deletes a service with its bindings and tokens (its secrets stay). */
export async function deleteService(actor: Actor, namespace: string, name: string): Promise<void> {
  await audited(actor, "service.delete", async (tx) => {
    await authorize(tx, actor, "service:delete", namespace);
    const service = await findServiceOrThrow(tx, namespace, name);
    const bindings = await tx.secretBinding.count({ where: { serviceId: service.id } });
    const tokens = await tx.serviceToken.count({ where: { serviceId: service.id } });
    await tx.service.delete({ where: { id: service.id } });
    await recordAudit(tx, actor, {
      action: "service.delete",
      resource: { type: "service", id: service.id, name },
      namespace,
      details: { bindings, tokens },
    });
  });
}

export async function listServices(actor: Actor, namespace: string): Promise<ServiceSummary[]> {
  return audited(actor, "service.list", async (tx) => {
    await authorize(tx, actor, "service:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const rows = await tx.service.findMany({ where: { namespaceId: ns.id }, select: serviceSelect(), orderBy: { name: "asc" } });
    return rows.map(toServiceSummary);
  });
}
