import "server-only";
import type { Actor } from "../auth/actor";
import { BadRequest } from "../errors";
import { authorize } from "../rbac/authorize";
import { DAY_MS } from "../time";
import { auditedRead } from "./audited";
import { auditSqlWhere, auditWhere, type AuditFilters } from "./audit-filters";

export type AuditStats = {
  perDay: { day: string; success: number; denied: number; error: number }[];
  mostRead: { secret: string; namespace: string | null; reads: number }[];
  deniedByActor: { actor: string; denied: number }[];
};

const MAX_DAYS = 550;

/** The charts of the audit page, for the chosen filters (default: the last 30 days). */
export async function auditStats(actor: Actor, filters: AuditFilters): Promise<AuditStats> {
  const to = filters.to ?? new Date();
  const from = filters.from ?? new Date(to.getTime() - 30 * DAY_MS);
  // One bucket per day is built in memory: a range of centuries would be a
  // slow, huge answer, so the charts take at most about a year and a half.
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
    throw new BadRequest(`from: the charts cover at most ${MAX_DAYS} days; narrow from and to`, { field: "from" });
  const where = auditWhere({ ...filters, from, to });
  return auditedRead(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    const counts = await tx.$queryRaw<{ day: string; outcome: string; n: number }[]>`
      SELECT to_char(date_trunc('day', "time" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, "outcome", count(*)::int AS n
      FROM "AuditEvent" WHERE ${auditSqlWhere({ ...filters, from, to })} GROUP BY 1, 2`;
    const days = new Map<string, { success: number; denied: number; error: number }>();
    for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t <= to.getTime(); t += DAY_MS) {
      days.set(new Date(t).toISOString().slice(0, 10), { success: 0, denied: 0, error: 0 });
    }
    for (const row of counts) {
      const bucket = days.get(row.day);
      if (bucket && (row.outcome === "success" || row.outcome === "denied" || row.outcome === "error")) bucket[row.outcome] += row.n;
    }
    const reads = await tx.auditEvent.groupBy({
      by: ["resourceName", "namespace"],
      where: { AND: [where, { action: "secret.read" }] },
      _count: { _all: true },
      orderBy: { _count: { resourceName: "desc" } },
      take: 10,
    });
    const denied = await tx.auditEvent.groupBy({
      by: ["actorLabel"],
      where: { AND: [where, { outcome: "denied" }] },
      _count: { _all: true },
      orderBy: { _count: { actorLabel: "desc" } },
      take: 10,
    });
    return {
      perDay: [...days.entries()].map(([day, counts]) => ({ day, ...counts })),
      mostRead: reads.map((r) => ({ secret: r.resourceName ?? "(unknown)", namespace: r.namespace, reads: r._count._all })),
      deniedByActor: denied.map((d) => ({ actor: d.actorLabel ?? "(anonymous)", denied: d._count._all })),
    };
  });
}
