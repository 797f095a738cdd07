import { cancelApproval } from "@/lib/approvals/decide-approval";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";

export const POST = apiRoute<{ id: string }>(async (_request, { actor, params }) => noStoreJson(await cancelApproval(actor, params.id)));
