import { removePasskey } from "@/lib/auth/mfa/passkey-remove";
import { apiRoute } from "@/lib/http/api-route";

/** Removes one of the caller's passkeys. */
export const DELETE = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await removePasskey(actor, params.id);
  return new Response(null, { status: 204 });
});
