import { contextFromHeaders } from "@/lib/http/request-context";
import { jsonBody, route } from "@/lib/http/route";
import { resetPassword } from "@/lib/team/passwords";

/** `{token, password}` with a one-time reset token from an admin. */
export const POST = route(async (request) => {
  await resetPassword(await jsonBody(request), contextFromHeaders(request.headers));
  return new Response(null, { status: 204 });
});
