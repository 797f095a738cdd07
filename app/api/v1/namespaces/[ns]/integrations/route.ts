import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";

type Params = { ns: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson({ integrations: await listIntegrations(actor, params.ns) }),
);

/** `{"kind":"docker-swarm"|"kubernetes-kms","name":…,"expiresInDays"?}`; the plaintext token (`cfi_…`) is in this response only. */
export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await createIntegration(actor, params.ns, await jsonBody(request)), 201),
);
