import { noStoreJson } from "@/lib/http/api-route";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { kmsEncrypt } from "@/lib/integrations/kms/kms-encrypt";
import { bearerToken } from "@/lib/tokens/token-secret";

/** KMS v2 Encrypt for `coffer kms-plugin`: the apiserver's DEK seed, encrypted with the keyring's primary key. */
export const POST = route(async (request) => {
  const actor = await resolveIntegrationToken(bearerToken(request.headers), contextFromHeaders(request.headers), "kubernetes-kms");
  return noStoreJson(await kmsEncrypt(actor, await jsonBody(request)));
});
