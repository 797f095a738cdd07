import { noStoreJson } from "@/lib/http/api-route";
import { jsonBody, route } from "@/lib/http/route";
import { checkPasswordReset } from "@/lib/team/passwords";

/** `{token}` → `{email, expiresAt}` while the link can be used, else 404; uses nothing up. */
export const POST = route(async (request) => noStoreJson(await checkPasswordReset(await jsonBody(request))));
