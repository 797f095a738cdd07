import { apiRoute } from "@/lib/http/api-route";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditEvents, parseExportFormat } from "@/lib/audit/export-audit-events";

/** Streams every matching event, oldest first, as CSV or JSONL (audit:export; audited). */
export const GET = apiRoute(async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  params.delete("format");
  const stream = await exportAuditEvents(actor, parseAuditFilters(params), format);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
      "Content-Disposition": `attachment; filename="coffer-audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
