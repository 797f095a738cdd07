import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { noStoreJson } from "@/lib/http/api-route";
import { acceptInvite } from "@/lib/team/invites";

/** `{token, name, password}`: becomes a member with the invite's role. */
export const POST = route(async (request) =>
  noStoreJson(await acceptInvite(await jsonBody(request), contextFromHeaders(request.headers)), 201),
);
