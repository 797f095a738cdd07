import { apiRoute } from "@/lib/http/api-route";
import { revokeGrant } from "@/lib/team/grants";

export const DELETE = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await revokeGrant(actor, params.id);
  return new Response(null, { status: 204 });
});
