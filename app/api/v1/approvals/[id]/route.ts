import { getApproval } from "@/lib/approvals/list-approvals";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => noStoreJson(await getApproval(actor, params.id)));
