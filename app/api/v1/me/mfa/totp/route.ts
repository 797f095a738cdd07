import { enrollTotp } from "@/lib/auth/mfa/enroll-totp";
import { removeTotp } from "@/lib/auth/mfa/remove-totp";
import { getTotpStatus } from "@/lib/auth/mfa/totp-status";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";

/** Whether the caller's TOTP second factor is on. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson(await getTotpStatus(actor)));

/** A new TOTP secret for the caller (shown once), active after POST …/confirm. */
export const POST = apiRoute(async (_request, { actor }) => noStoreJson(await enrollTotp(actor), 201));

/** Turns TOTP off; the body carries a current `code` or the `password`. */
export const DELETE = apiRoute(async (request, { actor }) => {
  await removeTotp(actor, await jsonBody(request));
  return new Response(null, { status: 204 });
});
