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
  prevHash: string;
  hash: string;
};

type Row = Prisma.AuditEventGetPayload<object>;

export function toAuditEventDto(row: Row): AuditEventDto {
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
  };
}
