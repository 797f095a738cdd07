import { BadRequest } from "@/lib/errors";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { getMember, removeMember, setMemberDisabled } from "@/lib/team/members";

type Params = { id: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) => noStoreJson(await getMember(actor, params.id)));

/** `{"disabled": true|false}`: a disabled member's sessions and tokens stop at once. */
export const PATCH = apiRoute<Params>(async (request, { actor, params }) => {
  const body = await jsonBody(request);
  if (typeof body.disabled !== "boolean") throw new BadRequest("disabled must be true or false");
  return noStoreJson(await setMemberDisabled(actor, params.id, body.disabled));
});

export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await removeMember(actor, params.id);
  return new Response(null, { status: 204 });
});
