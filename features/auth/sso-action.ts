"use server";

import { signIn } from "@/lib/auth/auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc/oidc-provider";
import { oidcSettings } from "@/lib/auth/oidc/oidc-settings";
import { config } from "@/lib/config/env";
import { sameOriginPath } from "@/lib/http/same-origin-path";

/** Starts the OIDC round trip: Auth.js sets the state, PKCE and nonce cookies and redirects to the provider. */
export async function ssoSignInAction(form: FormData): Promise<void> {
  if (!oidcSettings()) return;
  const next = form instanceof FormData ? form.get("next") : null;
  // Outside any try: signIn() redirects by throwing.
  await signIn(OIDC_PROVIDER_ID, { redirectTo: sameOriginPath(next, config().COFFER_PUBLIC_URL) });
}
