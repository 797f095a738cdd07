import "server-only";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditEvents, parseExportFormat } from "@/lib/audit/export-audit-events";
import type { Actor } from "@/lib/auth/actor";

/**
 * The audit export as a download: the API route (bearer token) and the
 * console's link (session cookie) answer with exactly this, so the two can
 * never differ in format, filters or headers.
 */
export async function auditExportResponse(actor: Actor, url: string): Promise<Response> {
  const params = new URL(url).searchParams;
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
}
