// Runs a domain action in one transaction. A permission refusal rolls the
// action back and is then recorded on its own, as outcome `denied`, so
// denials stay in the trail even though nothing else was written.
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { PermissionDenied } from "../rbac/authorize";
import { recordAudit } from "./record-audit";

export async function audited<T>(actor: Actor, action: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work);
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
