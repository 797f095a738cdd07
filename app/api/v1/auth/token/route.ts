import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { noStoreJson } from "@/lib/http/api-route";
import { exchangePasswordForToken } from "@/lib/tokens/exchange-password-for-token";

/** Email + password → personal API token (shown once), for `coffer login`. */
export const POST = route(async (request) => {
  const created = await exchangePasswordForToken(await jsonBody(request), contextFromHeaders(request.headers));
  return noStoreJson(created, 201);
});
