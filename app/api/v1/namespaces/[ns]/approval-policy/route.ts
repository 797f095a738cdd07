import { getApprovalPolicy, setApprovalPolicy } from "@/lib/approvals/approval-policy";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

type Params = { ns: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) => noStoreJson(await getApprovalPolicy(actor, params.ns)));

/** `{"actions": [namespaced approval actions], "approvalMinutes": 5..1440}` (namespace:manage). */
export const PUT = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await setApprovalPolicy(actor, params.ns, await jsonBody(request))),
);
