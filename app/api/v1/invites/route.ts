import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { inviteMember, listInvites } from "@/lib/team/invites";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ invites: await listInvites(actor) }));

/** `{email, role, namespace?}` → the invite with its one-time token (shown once). */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await inviteMember(actor, await jsonBody(request)), 201));
