import type { AuditEventDto } from "../../packages/contracts/src/audit/audit-event-dto";
import type { Json } from "../../packages/contracts/src/audit/canonical";
import type { Prisma } from "../generated/prisma/client";

// The shape is the contract the export and the offline verifier share: one definition, in packages/contracts.
export type { AuditEventDto };

/** An event row, with its AuditLeaf row when the caller read it (there is no relation to include). */
type Row = Prisma.AuditEventGetPayload<object> & { leaf?: { leafIndex: bigint; hash: Uint8Array } | null };

export function toAuditEventDto(row: Row): AuditEventDto {
  const { leaf } = row;
  return {
    seq: row.seq.toString(),
    time: row.time.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    resource: { type: row.resourceType, id: row.resourceId, name: row.resourceName },
    namespace: row.namespace,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    // JSONB holds JSON only; Prisma's type marks object members optional, ours does not.
    details: row.details as Json,
    prevHash: row.prevHash,
    hash: row.hash,
    leafIndex: leaf ? Number(leaf.leafIndex) : null,
    leafHash: leaf ? Buffer.from(leaf.hash).toString("base64") : null,
  };
}
