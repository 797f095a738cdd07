import { noStoreJson } from "@/lib/http/api-route";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { deliverDockerSecret } from "@/lib/integrations/docker-swarm-delivery";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { bearerToken } from "@/lib/tokens/token-secret";

/**
 * One Swarm task's secret for `coffer docker-plugin`: the body is dockerd's
 * SecretProviderRequest as it was sent; a 4xx message names what is missing
 * (the plugin answers dockerd `{"Err": message}`, and the task does not start).
 */
export const POST = route(async (request) => {
  // Resolved first: no body is read for a caller without a docker-swarm token.
  const actor = await resolveIntegrationToken(bearerToken(request.headers), contextFromHeaders(request.headers), "docker-swarm");
  return noStoreJson(await deliverDockerSecret(actor, await jsonBody(request)));
});
