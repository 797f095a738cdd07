import { apiRoute } from "@/lib/http/api-route";
import { revokeInvite } from "@/lib/team/invites";

export const DELETE = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await revokeInvite(actor, params.id);
  return new Response(null, { status: 204 });
});
