import { contextFromHeaders } from "@/lib/http/request-context";
import { route } from "@/lib/http/route";
import { resolveServiceToken } from "@/lib/services/resolve-service-token";
import { fetchRuntimeSecrets } from "@/lib/services/runtime-secrets";
import { bearerToken } from "@/lib/tokens/token-secret";

/**
 * What a service's agent polls: its bound secrets with values (base64).
 * Send If-None-Match with the last ETag to get a cheap 304. A token whose
 * creator no longer holds secret:bind in the namespace gets 403.
 */
export const GET = route(async (request) => {
  // A missing token too is refused (401) and counted by resolveServiceToken.
  const actor = await resolveServiceToken(bearerToken(request.headers), contextFromHeaders(request.headers));
  const delivery = await fetchRuntimeSecrets(actor, request.headers.get("if-none-match"));
  const headers = { ETag: delivery.etag, "Cache-Control": "no-store" };
  if ("notModified" in delivery) return new Response(null, { status: 304, headers });
  return Response.json({ service: delivery.service, secrets: delivery.secrets }, { headers });
});
