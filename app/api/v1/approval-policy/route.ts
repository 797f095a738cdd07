import { getApprovalPolicy, setApprovalPolicy } from "@/lib/approvals/approval-policy";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

/** The instance's policy: only key.rewrap_start can be listed. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson(await getApprovalPolicy(actor, null)));

/** `{"actions": ["key.rewrap_start"], "approvalMinutes": 5..1440}` (key:manage). */
export const PUT = apiRoute(async (request, { actor }) => noStoreJson(await setApprovalPolicy(actor, null, await jsonBody(request))));
