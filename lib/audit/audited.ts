// Runs a domain action in one transaction. A refusal (any 403) rolls the
// action back and is then recorded on its own, as outcome `denied`, so
// denials stay in the trail even though nothing else was written.
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { Forbidden } from "../errors";
import { PermissionDenied } from "../rbac/authorize";
import type { AuditAction } from "./actions";
import { recordAudit, type AuditInput } from "./record-audit";

/** A refusal that names what it refused (a member, a role), so its denied event does too. */
export class RefusedOn extends Forbidden {
  constructor(
    message: string,
    readonly resource: NonNullable<AuditInput["resource"]>,
    readonly namespace: string | null = null,
  ) {
    super(message);
  }
}

// A refusal that passes through two wrappers (an audited action calling
// another) is still one denial.
const recorded = new WeakSet<Forbidden>();

export async function audited<T>(actor: Actor, action: AuditAction, work: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(actor, action, () => db.$transaction(work));
}

/**
 * For reads that write nothing: the same permission check and denial
 * record, without an interactive transaction (its BEGIN/COMMIT round trips
 * are most of the cost of a small read such as an audit page).
 */
export async function auditedRead<T>(actor: Actor, action: AuditAction, work: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(actor, action, () => work(db));
}

function denial(action: AuditAction, error: Forbidden): AuditInput {
  if (error instanceof PermissionDenied) {
    return { action, outcome: "denied", namespace: error.namespace, details: { permission: error.permission } };
  }
  const event: AuditInput = { action, outcome: "denied", details: { reason: error.message } };
  return error instanceof RefusedOn ? { ...event, resource: error.resource, namespace: error.namespace } : event;
}

async function guarded<T>(actor: Actor, action: AuditAction, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Forbidden && !recorded.has(error)) {
      recorded.add(error);
      await db.$transaction((tx) => recordAudit(tx, actor, denial(action, error)));
    }
    throw translatePrismaError(error);
  }
}
