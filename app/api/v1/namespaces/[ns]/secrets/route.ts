import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { createSecret } from "@/lib/secrets/create-secret";
import type { CreateSecretInput } from "@/lib/secrets/create-secret.schema";
import { listSecrets, parseSecretFilters } from "@/lib/secrets/list-secrets";

type Params = { ns: string };

/** ?filter=name=PREFIX&filter=label=KEY[=VALUE], like `docker secret ls --filter`. */
export const GET = apiRoute<Params>(async (request, { actor, params }) => {
  const filters = parseSecretFilters(new URL(request.url).searchParams.getAll("filter"));
  return noStoreJson({ secrets: await listSecrets(actor, params.ns, filters) });
});

export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  const body = (await jsonBody(request)) as CreateSecretInput;
  return noStoreJson(await createSecret(actor, params.ns, body), 201);
});
