import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { listNamespaces } from "@/lib/namespaces/list-namespaces";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ namespaces: await listNamespaces(actor) }));

export const POST = apiRoute(async (request, { actor }) => noStoreJson(await createNamespace(actor, await jsonBody(request)), 201));
