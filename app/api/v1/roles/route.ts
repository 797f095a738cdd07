import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { createRole, listRoles } from "@/lib/team/roles";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ roles: await listRoles(actor) }));

export const POST = apiRoute(async (request, { actor }) => noStoreJson(await createRole(actor, await jsonBody(request)), 201));
