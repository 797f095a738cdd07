import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { latestAuditVerify, startAuditVerify } from "@/lib/audit/verify-job";
import { verifyAuditChainNow } from "@/lib/audit/verify-now";

/** The latest background verification and its report. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ verification: await latestAuditVerify(actor) }));

/** `{"wait": true}` verifies in this request (the CLI); otherwise a background job (202). */
export const POST = apiRoute(async (request, { actor }) => {
  const body = request.headers.get("content-length") === "0" || !request.body ? {} : await jsonBody(request);
  if (body.wait === true) return noStoreJson(await verifyAuditChainNow(actor));
  return noStoreJson({ job: await startAuditVerify(actor) }, 202);
});
