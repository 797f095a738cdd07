import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../db/ids";
import { Conflict } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import type { NamespaceInfo } from "./list-namespaces";

// A DNS label, like Kubernetes namespaces.
export const namespaceSchema = z.object({
  name: z
    .string({ error: "name is required" })
    .regex(
      /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/,
      "name must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit",
    ),
});

export async function createNamespace(actor: Actor, input: unknown): Promise<NamespaceInfo> {
  const { name } = parseInput(namespaceSchema, input);
  return audited(actor, "namespace.create", async (tx) => {
    await authorize(tx, actor, "namespace:manage");
    if (await tx.namespace.findUnique({ where: { name } })) throw new Conflict(`namespace '${name}' already exists`, { field: "name" });
    const row = await tx.namespace.create({ data: { id: newId("ns"), name } });
    await recordAudit(tx, actor, { action: "namespace.create", resource: { type: "namespace", id: row.id, name }, namespace: name });
    return { name: row.name, createdAt: row.createdAt.toISOString() };
  });
}
