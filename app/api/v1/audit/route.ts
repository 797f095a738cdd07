import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

/** ?actor&action&resource&namespace&outcome&from&to&q&cursor&limit — newest first, keyset pages. */
export const GET = apiRoute(async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const page = { cursor: params.get("cursor") ?? undefined, limit: params.get("limit") ?? undefined };
  params.delete("cursor");
  params.delete("limit");
  return noStoreJson(await listAuditEvents(actor, parseAuditFilters(params), page));
});
