// Appends events inside the caller's transaction, so an event and the
// action it records commit or roll back together (no event, no action).
// An append takes no lock and reads nothing: the sequence gives the event
// its number and the sequencer (lib/audit/log/sequencer.ts) seals it into
// the Merkle tree after commit. Concurrent actions never wait on each other.
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { AuditAction } from "./actions";

export type Outcome = "success" | "denied" | "error";

export type AuditInput = {
  action: AuditAction;
  outcome?: Outcome;
  resource?: { type: string; id?: string | null; name?: string | null };
  namespace?: string | null;
  /** Never a secret value, password or token. */
  details?: Record<string, Prisma.InputJsonValue | null>;
};

function eventRow(actor: Actor, input: AuditInput, time: Date): Prisma.AuditEventCreateManyInput {
  return {
    time,
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
    details: (input.details ?? {}) as Prisma.InputJsonValue,
  };
}

/** Several events of one request in one INSERT; their numbers in input order. */
export async function recordAudits(tx: Tx, actor: Actor, inputs: readonly AuditInput[]): Promise<bigint[]> {
  if (!inputs.length) return [];
  const time = new Date();
  const rows = await tx.auditEvent.createManyAndReturn({
    data: inputs.map((input) => eventRow(actor, input, time)),
    select: { seq: true },
  });
  return rows.map((row) => row.seq);
}

export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<{ seq: bigint }> {
  const [seq] = await recordAudits(tx, actor, [input]);
  return { seq: seq! };
}
