import { listApprovals } from "@/lib/approvals/list-approvals";
import { requestApproval } from "@/lib/approvals/request-approval";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

/** `?status=pending|approved|denied|cancelled|used|expired&scope=mine|decide|all`: newest first, at most 100. */
export const GET = apiRoute(async (request, { actor }) => {
  const query = new URL(request.url).searchParams;
  const input = Object.fromEntries(["status", "scope"].filter((k) => query.has(k)).map((k) => [k, query.get(k)]));
  return noStoreJson({ items: await listApprovals(actor, input) });
});

/** `{"namespace"?, "action", "target", "reason"}` → 201 the pending request. */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await requestApproval(actor, await jsonBody(request)), 201));
