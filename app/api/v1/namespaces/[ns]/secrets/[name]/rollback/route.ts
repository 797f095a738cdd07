import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { rollbackSecret } from "@/lib/secrets/rollback-secret";

type Params = { ns: string; name: string };

export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await rollbackSecret(actor, params.ns, params.name, await jsonBody(request))),
);
