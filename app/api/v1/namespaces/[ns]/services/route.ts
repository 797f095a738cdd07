import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { pageQueryOf } from "@/lib/db/keyset-cursor";
import { createService } from "@/lib/services/manage-services";
import { listServicesPage } from "@/lib/services/list-services";

type Params = { ns: string };

/** ?limit=&cursor= page by name: follow `nextCursor` until it is null. */
export const GET = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await listServicesPage(actor, params.ns, pageQueryOf(new URL(request.url).searchParams))),
);

export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await createService(actor, params.ns, await jsonBody(request)), 201),
);
