// Runs a domain action in one transaction. A permission refusal rolls the
// action back and is then recorded on its own, as outcome `denied`, so
// denials stay in the trail even though nothing else was written.
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { PermissionDenied } from "../rbac/authorize";
import { recordAudit } from "./record-audit";

export async function audited<T>(actor: Actor, action: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(actor, action, () => db.$transaction(work));
}

/**
 * For reads that write nothing: the same permission check and denial
 * record, without an interactive transaction (its BEGIN/COMMIT round trips
 * are most of the cost of a small read such as an audit page).
 */
export async function auditedRead<T>(actor: Actor, action: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(actor, action, () => work(db));
}

async function guarded<T>(actor: Actor, action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PermissionDenied) {
      await db.$transaction((tx) =>
        recordAudit(tx, actor, {
          action,
          outcome: "denied",
          namespace: error.namespace,
          details: { permission: error.permission },
        }),
      );
    }
    throw translatePrismaError(error);
  }
}
