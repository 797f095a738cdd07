import type { Actor } from "../auth/actor";
import { databaseKind, db } from "../db/client";
import { Unauthorized } from "../errors";

export type InstanceStatus = {
  database: "postgresql" | "pglite";
  users: number;
  namespaces: number;
  auditEvents: number;
  lastAuditAt: string | null;
};

/** Counts for the home page; any signed-in member may see them. */
export async function getInstanceStatus(actor: Actor): Promise<InstanceStatus> {
  if (actor.type !== "user") throw new Unauthorized();
  const [users, namespaces, auditEvents, last] = await db.$transaction([
    db.user.count(),
    db.namespace.count(),
    db.auditEvent.count(),
    db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { time: true } }),
  ]);
  return {
    database: databaseKind(),
    users,
    namespaces,
    auditEvents,
    lastAuditAt: last?.time.toISOString() ?? null,
  };
}
