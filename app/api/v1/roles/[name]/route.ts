import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { deleteRole, updateRole } from "@/lib/team/roles";

type Params = { name: string };

export const PATCH = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await updateRole(actor, params.name, await jsonBody(request))),
);

export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await deleteRole(actor, params.name);
  return new Response(null, { status: 204 });
});
