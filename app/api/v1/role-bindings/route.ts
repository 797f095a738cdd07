import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { grantRole, listGrants } from "@/lib/team/grants";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ roleBindings: await listGrants(actor) }));

/** `{userId, role, namespace?}`: namespace omitted or null grants for all namespaces. */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await grantRole(actor, await jsonBody(request)), 201));
