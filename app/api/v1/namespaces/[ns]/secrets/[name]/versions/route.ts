import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { pageQueryOf } from "@/lib/db/keyset-cursor";
import { listVersionsPage } from "@/lib/secrets/list-versions";
import { rotateSecret } from "@/lib/secrets/rotate-secret";

type Params = { ns: string; name: string };

/** Newest first; ?limit=&cursor= page: follow `nextCursor` until it is null. */
export const GET = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await listVersionsPage(actor, params.ns, params.name, pageQueryOf(new URL(request.url).searchParams))),
);

/** Rotation: new data, a new version. */
export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await rotateSecret(actor, params.ns, params.name, await jsonBody(request)), 201),
);
