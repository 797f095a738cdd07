import { apiRoute } from "@/lib/http/api-route";
import { revokeServiceToken } from "@/lib/services/service-tokens";

type Params = { ns: string; name: string; id: string };

export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await revokeServiceToken(actor, params.ns, params.name, params.id);
  return new Response(null, { status: 204 });
});
