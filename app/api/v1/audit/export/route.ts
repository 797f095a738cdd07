import { apiRoute } from "@/lib/http/api-route";
import { auditExportResponse } from "@/lib/http/audit-export-response";

/** Streams every matching event, oldest first, as CSV or JSONL (audit:export; audited). */
export const GET = apiRoute(async (request, { actor }) => auditExportResponse(actor, request.url));
