import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { renewIntegrationToken } from "@/lib/integrations/renew-integration-token";

type Params = { ns: string; id: string };

/** A new token for the integration (`{"expiresInDays"?}`, optional body); the old one stops working now. The plaintext is in this response only. */
export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  const body = request.headers.get("content-length") === "0" || !request.body ? {} : await jsonBody(request);
  return noStoreJson(await renewIntegrationToken(actor, params.ns, params.id, body));
});
