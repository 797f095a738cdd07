import { completeSetup } from "@/lib/auth/setup";
import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";

/** Creates the first owner with the one-time setup token; 404 once done. */
export const POST = route(async (request) => {
  const user = await completeSetup(await jsonBody(request), contextFromHeaders(request.headers));
  return Response.json({ user }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
