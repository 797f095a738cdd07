import { resetSecondFactor } from "@/lib/auth/mfa/reset-second-factor";
import { apiRoute } from "@/lib/http/api-route";

/** Removes the member's TOTP, recovery codes and passkeys, and ends their sessions (member:manage). */
export const DELETE = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await resetSecondFactor(actor, params.id);
  return new Response(null, { status: 204 });
});
