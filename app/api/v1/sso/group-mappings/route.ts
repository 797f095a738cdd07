import { createGroupMapping, listGroupMappings } from "@/lib/auth/oidc/group-mappings";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ groupMappings: await listGroupMappings(actor) }));

/** `{group, role, namespace?}`: namespace omitted or null maps the group for all namespaces. */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await createGroupMapping(actor, await jsonBody(request)), 201));
