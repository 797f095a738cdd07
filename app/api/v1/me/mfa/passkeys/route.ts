import { listPasskeys } from "@/lib/auth/mfa/passkey-list";
import { registerPasskey } from "@/lib/auth/mfa/passkey-register";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

/** The caller's passkeys (never their keys). */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ passkeys: await listPasskeys(actor) }));

/** Stores a passkey: `{name, response}`, the browser's answer to POST …/passkeys/options. */
export const POST = apiRoute(async (request, { actor }) => noStoreJson(await registerPasskey(actor, await jsonBody(request)), 201));
