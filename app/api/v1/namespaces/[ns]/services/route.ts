import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { createService, listServices } from "@/lib/services/manage-services";

type Params = { ns: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) => noStoreJson({ services: await listServices(actor, params.ns) }));

export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await createService(actor, params.ns, await jsonBody(request)), 201),
);
