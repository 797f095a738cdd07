import { startPasskeyRegistration } from "@/lib/auth/mfa/passkey-register";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";

/** WebAuthn registration options for a new passkey of the caller's (valid five minutes, once). */
export const POST = apiRoute(async (_request, { actor }) => noStoreJson(await startPasskeyRegistration(actor)));
