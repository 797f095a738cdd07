import { apiRoute } from "@/lib/http/api-route";
import { revokeIntegration } from "@/lib/integrations/revoke-integration";

type Params = { ns: string; id: string };

export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await revokeIntegration(actor, params.ns, params.id);
  return new Response(null, { status: 204 });
});
