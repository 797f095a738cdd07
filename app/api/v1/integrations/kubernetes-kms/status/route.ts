import { noStoreJson } from "@/lib/http/api-route";
import { contextFromHeaders } from "@/lib/http/request-context";
import { route } from "@/lib/http/route";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { kmsStatus } from "@/lib/integrations/kms/kms-status";
import { bearerToken } from "@/lib/tokens/token-secret";

/** KMS v2 Status for `coffer kms-plugin`: healthz and the key id new data is encrypted with (the keyring's primary). */
export const GET = route(async (request) => {
  const actor = await resolveIntegrationToken(bearerToken(request.headers), contextFromHeaders(request.headers), "kubernetes-kms");
  return noStoreJson(await kmsStatus(actor));
});
