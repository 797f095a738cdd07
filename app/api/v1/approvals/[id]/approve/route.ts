import { decideApproval } from "@/lib/approvals/decide-approval";
import { optionalJsonBody } from "@/lib/http/route";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";

/** `{"note"?}`, or no body at all. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) =>
  noStoreJson(await decideApproval(actor, params.id, "approve", await optionalJsonBody(request))),
);
