import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { INT8_MAX, parseInput, wholeNumber } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { auditedRead } from "./audited";
import { toAuditEventDto, type AuditEventDto } from "./audit-event-dto";
import { auditWhere, type AuditFilters } from "./audit-filters";

export const pageSchema = z.object({
  cursor: z.string({ error: "cursor must be a sequence id" }).refine(isSeq, "cursor must be a sequence id").optional(),
  limit: wholeNumber("limit", 1, 500).default(50),
});

/** A sequence id PostgreSQL's bigint can hold. */
function isSeq(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX;
}

export type AuditPage = { events: AuditEventDto[]; nextCursor: string | null; newestSeq: string | null };

/**
 * Newest first, keyset-paginated on the sequence id (WHERE seq < cursor),
 * so page 1000 costs what page 1 costs, however many millions of rows.
 */
export async function listAuditEvents(
  actor: Actor,
  filters: AuditFilters,
  page: { cursor?: string; limit?: number | string } = {},
): Promise<AuditPage> {
  const { cursor, limit } = parseInput(pageSchema, page);
  return auditedRead(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    const where = auditWhere(filters);
    const rows = await tx.auditEvent.findMany({
      where: cursor ? { AND: [where, { seq: { lt: BigInt(cursor) } }] } : where,
      orderBy: { seq: "desc" },
      take: limit + 1,
    });
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    // Leaves are a table of their own (no relation): one indexed lookup for the page.
    const leaves = await tx.auditLeaf.findMany({ where: { seq: { in: page.map((row) => row.seq) } } });
    const leafOf = new Map(leaves.map((leaf) => [leaf.seq, leaf]));
    const events = page.map((row) => toAuditEventDto({ ...row, leaf: leafOf.get(row.seq) ?? null }));
    const newest = cursor ? null : await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    return { events, nextCursor: more ? events.at(-1)!.seq : null, newestSeq: newest?.seq.toString() ?? null };
  });
}

/** For the live indicator: how many events arrived after `afterSeq` (capped). */
export async function countNewAuditEvents(actor: Actor, filters: AuditFilters, afterSeq: string): Promise<number> {
  if (!isSeq(afterSeq)) return 0;
  return auditedRead(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    const rows = await tx.auditEvent.findMany({
      where: { AND: [auditWhere(filters), { seq: { gt: BigInt(afterSeq) } }] },
      select: { seq: true },
      take: 100,
    });
    return rows.length;
  });
}
