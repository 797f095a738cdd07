import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { auditStats } from "@/lib/audit/audit-stats";

/** The audit page's charts for the same filters (default range: the last 30 days). */
export const GET = apiRoute(async (request, { actor }) =>
  noStoreJson(await auditStats(actor, parseAuditFilters(new URL(request.url).searchParams))),
);
