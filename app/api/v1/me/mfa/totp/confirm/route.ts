import { confirmTotp } from "@/lib/auth/mfa/confirm-totp";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

/** Confirms the pending TOTP with a `code`; answers the ten recovery codes, shown once. */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await confirmTotp(actor, await jsonBody(request))));
