// The console's download: the same stream as GET /api/v1/audit/export, but
// for the browser's session instead of a bearer token (a link cannot send
// one). Another site could at most start a download in the user's own
// browser: it cannot read the answer, and the export is audited.
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditEvents, parseExportFormat } from "@/lib/audit/export-audit-events";
import { currentActor } from "@/lib/auth/current-actor";
import { Unauthorized } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) throw new Unauthorized();
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
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
