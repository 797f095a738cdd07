import { passkeySignInOptions } from "@/lib/auth/mfa/passkey-sign-in";
import { noStoreJson } from "@/lib/http/api-route";
import { jsonBody, route } from "@/lib/http/route";

/** Authentication options for a sign-in whose password step passed: `{challenge}` from that step. */
export const POST = route(async (request) => noStoreJson(await passkeySignInOptions(await jsonBody(request))));
