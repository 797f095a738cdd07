import { noStoreJson } from "@/lib/http/api-route";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { kmsDecrypt } from "@/lib/integrations/kms/kms-decrypt";
import { bearerToken } from "@/lib/tokens/token-secret";

/** KMS v2 Decrypt for `coffer kms-plugin`: a 400 naming an unknown key id or a failed integrity check, never plaintext. */
export const POST = route(async (request) => {
  const actor = await resolveIntegrationToken(bearerToken(request.headers), contextFromHeaders(request.headers), "kubernetes-kms");
  return noStoreJson(await kmsDecrypt(actor, await jsonBody(request)));
});
