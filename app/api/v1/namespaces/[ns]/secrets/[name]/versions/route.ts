import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { getSecret } from "@/lib/secrets/get-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson({ versions: (await getSecret(actor, params.ns, params.name)).versions }),
);

/** Rotation: new data, a new version. */
export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await rotateSecret(actor, params.ns, params.name, await jsonBody(request)), 201),
);
