import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { deleteRotationPolicy } from "@/lib/rotation/delete-rotation-policy";
import { getRotationPolicy } from "@/lib/rotation/get-rotation-policy";
import { setRotationPolicy } from "@/lib/rotation/set-rotation-policy";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson(await getRotationPolicy(actor, params.ns, params.name)),
);

export const PUT = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await setRotationPolicy(actor, params.ns, params.name, await jsonBody(request))),
);

export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await deleteRotationPolicy(actor, params.ns, params.name);
  return new Response(null, { status: 204 });
});
