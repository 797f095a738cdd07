import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { latestAuditVerify, startAuditVerify } from "@/lib/audit/verify-job";
import { verifyAuditLogNow } from "@/lib/audit/verify-now";

/** The latest background verification and its report. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ verification: await latestAuditVerify(actor) }));

/**
 * `{"wait": true}` verifies in this request (the CLI) and answers the
 * LogReport; `"checkpoint"` (a signed note or checkpoint-file lines kept
 * elsewhere) replaces this node's checkpoint file. Otherwise a background job (202).
 */
export const POST = apiRoute(async (request, { actor }) => {
  const body = request.headers.get("content-length") === "0" || !request.body ? {} : await jsonBody(request);
  if (body.wait === true) return noStoreJson(await verifyAuditLogNow(actor, { checkpoint: body.checkpoint }));
  return noStoreJson({ job: await startAuditVerify(actor) }, 202);
});
