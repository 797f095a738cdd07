import type { Prisma } from "../generated/prisma/client";

export type AuditEventDto = {
  seq: string;
  time: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  resource: { type: string | null; id: string | null; name: string | null };
  namespace: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Prisma.JsonValue;
  /** The old hash chain, for events written before the transparency log; null after. */
  prevHash: string | null;
  hash: string | null;
  /** The event's leaf in the Merkle tree; null until the sequencer seals it (within about a second). */
  leafIndex: number | null;
  /** Base64 of the stored leaf hash, SHA-256(0x00 ‖ canonical event): what an offline verifier checks the event against. */
  leafHash: string | null;
};

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
    details: row.details,
    prevHash: row.prevHash,
    hash: row.hash,
    leafIndex: leaf ? Number(leaf.leafIndex) : null,
    leafHash: leaf ? Buffer.from(leaf.hash).toString("base64") : null,
  };
}
