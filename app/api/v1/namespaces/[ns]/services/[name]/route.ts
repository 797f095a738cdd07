import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { getService } from "@/lib/services/get-service";
import { deleteService, updateService } from "@/lib/services/manage-services";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) => noStoreJson(await getService(actor, params.ns, params.name)));

export const PATCH = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await updateService(actor, params.ns, params.name, await jsonBody(request))),
);

/** The service's bindings and tokens go with it; its secrets stay. */
export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await deleteService(actor, params.ns, params.name);
  return new Response(null, { status: 204 });
});
