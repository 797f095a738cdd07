import { deleteGroupMapping } from "@/lib/auth/oidc/group-mappings";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await deleteGroupMapping(actor, params.id);
  return new Response(null, { status: 204 });
});
