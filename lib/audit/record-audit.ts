// Appends one event to the hash chain inside the caller's transaction, so
// the event and the action it records commit or roll back together.
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { eventHash, GENESIS_HASH, type HashedEvent } from "./canonical";

export type Outcome = "success" | "denied" | "error";

export type AuditInput = {
  action: string;
  outcome?: Outcome;
  resource?: { type: string; id?: string | null; name?: string | null };
  namespace?: string | null;
  /** Never a secret value, password or token. */
  details?: Record<string, Prisma.InputJsonValue | null>;
};

// One advisory lock serialises audit writers until their transaction ends:
// two writers can never read the same tail and fork the chain.
const AUDIT_CHAIN_LOCK = 0x436f66666572n; // "Coffer"

export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const tail = await tx.auditEvent.findFirst({
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const event: HashedEvent = {
    seq: (tail?.seq ?? 0n) + 1n,
    time: new Date(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: input.action,
    resourceType: input.resource?.type ?? null,
    resourceId: input.resource?.id ?? null,
    resourceName: input.resource?.name ?? null,
    namespace: input.namespace ?? null,
    outcome: input.outcome ?? "success",
    ip: actor.context.ip,
    userAgent: actor.context.userAgent,
    requestId: actor.context.requestId,
    details: input.details ?? {},
  };
  const prevHash = tail?.hash ?? GENESIS_HASH;
  return tx.auditEvent.create({
    data: {
      ...event,
      details: event.details as Prisma.InputJsonValue,
      prevHash,
      hash: eventHash(prevHash, event),
    },
    select: { seq: true, hash: true },
  });
}
