// The console's download: the same stream as GET /api/v1/audit/export, but
// for the browser's session instead of a bearer token (a link cannot send
// one). Another site could at most start a download in the user's own
// browser: it cannot read the answer, and the export is audited.
import { currentActor } from "@/lib/auth/current-actor";
import { Unauthorized } from "@/lib/errors";
import { auditExportResponse } from "@/lib/http/audit-export-response";
import { errorResponse } from "@/lib/http/route";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) throw new Unauthorized();
    return await auditExportResponse(actor, request.url);
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
