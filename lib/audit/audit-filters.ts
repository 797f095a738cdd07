// The filters of the audit review (console, API, export): one zod schema,
// read from URL query parameters so a filtered view can be shared.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { issuesBadRequest, textProblem } from "../input/parse-input";

const text = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(200, `${field} is at most 200 characters`)
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` });
    })
    .optional()
    .transform((v) => v || undefined);

// PostgreSQL's timestamps have no year 0 and JavaScript's dates reach past
// what the database takes; the four-digit years of ISO 8601 fit both.
const EARLIEST = new Date("0001-01-01T00:00:00.000Z").getTime();
const LATEST = new Date("9999-12-31T23:59:59.999Z").getTime();

const date = (field: string) =>
  z
    .string({ error: `${field} must be a date or time (ISO 8601)` })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = new Date(v);
      if (Number.isNaN(parsed.getTime())) {
        ctx.addIssue({ code: "custom", message: `${field} must be a date or time (ISO 8601)` });
        return z.NEVER;
      }
      if (parsed.getTime() < EARLIEST || parsed.getTime() > LATEST) {
        ctx.addIssue({ code: "custom", message: `${field} must be between 0001-01-01 and 9999-12-31` });
        return z.NEVER;
      }
      return parsed;
    });

export const auditFilterSchema = z.object({
  /** Email, service (ns/name) or id of who acted. */
  actor: text("actor"),
  /** An exact action (`secret.read`) or a group (`secret.`, `auth.`). */
  action: text("action"),
  /** A resource type (`secret`), or type:name (`secret:db_pw`). */
  resource: text("resource"),
  resourceId: text("resourceId"),
  namespace: text("namespace"),
  outcome: z.enum(["success", "denied", "error"], { error: "outcome must be success, denied or error" }).optional(),
  from: date("from"),
  to: date("to"),
  /** Free text over resource names. */
  q: text("q"),
});

export type AuditFilters = Partial<z.output<typeof auditFilterSchema>>;

export function parseAuditFilters(params: URLSearchParams | Record<string, string | undefined>): AuditFilters {
  const object = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
  const parsed = auditFilterSchema.safeParse(object);
  if (!parsed.success) throw issuesBadRequest(parsed.error);
  return parsed.data;
}

export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) and.push({ OR: [{ actorLabel: filters.actor }, { actorId: filters.actor }] });
  if (filters.action) and.push(filters.action.endsWith(".") ? { action: { startsWith: filters.action } } : { action: filters.action });
  if (filters.resource) {
    const [type, ...name] = filters.resource.split(":");
    and.push(name.length ? { resourceType: type, resourceName: name.join(":") } : { resourceType: type });
  }
  if (filters.resourceId) and.push({ resourceId: filters.resourceId });
  if (filters.namespace) and.push({ namespace: filters.namespace });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.from) and.push({ time: { gte: filters.from } });
  if (filters.to) and.push({ time: { lt: filters.to } });
  if (filters.q) and.push({ resourceName: { contains: filters.q, mode: "insensitive" } });
  return and.length ? { AND: and } : {};
}

/** The same filters as SQL, for aggregate queries Prisma cannot express (per-day counts). */
export function auditSqlWhere(filters: AuditFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.actor) parts.push(Prisma.sql`("actorLabel" = ${filters.actor} OR "actorId" = ${filters.actor})`);
  if (filters.action) {
    parts.push(
      filters.action.endsWith(".")
        ? Prisma.sql`"action" LIKE ${`${filters.action.replace(/[%_\\]/g, "\\$&")}%`}`
        : Prisma.sql`"action" = ${filters.action}`,
    );
  }
  if (filters.resource) {
    const [type, ...name] = filters.resource.split(":");
    parts.push(Prisma.sql`"resourceType" = ${type}`);
    if (name.length) parts.push(Prisma.sql`"resourceName" = ${name.join(":")}`);
  }
  if (filters.resourceId) parts.push(Prisma.sql`"resourceId" = ${filters.resourceId}`);
  if (filters.namespace) parts.push(Prisma.sql`"namespace" = ${filters.namespace}`);
  if (filters.outcome) parts.push(Prisma.sql`"outcome" = ${filters.outcome}`);
  if (filters.from) parts.push(Prisma.sql`"time" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`"time" < ${filters.to}`);
  if (filters.q) parts.push(Prisma.sql`"resourceName" ILIKE ${`%${filters.q.replace(/[%_\\]/g, "\\$&")}%`}`);
  return Prisma.join(parts, " AND ");
}
