// The Auth.js provider entry for SSO: none when COFFER_OIDC_ISSUER is unset.
// Auth.js (oauth4webapi) checks the ID token's issuer, audience, signature
// and expiry; we turn on every check it has for the browser round trip:
// PKCE (the code is useless without our verifier), state (a forged or
// replayed callback has no matching cookie) and nonce (an ID token minted
// for another sign-in is refused).
import type { OIDCConfig } from "next-auth/providers";
import { oidcSettings } from "./oidc-settings";

export const OIDC_PROVIDER_ID = "oidc";

export type OidcClaims = Record<string, unknown> & { sub: string; email?: string; email_verified?: boolean; name?: string };

export function oidcProviders(): OIDCConfig<OidcClaims>[] {
  const settings = oidcSettings();
  if (!settings) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: settings.name,
      type: "oidc",
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: settings.scope } },
      // Claims are read again (and trusted only when verified) by
      // signInWithOidc; this shape is what Auth.js carries to the callbacks.
      profile(claims) {
        return { id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null, name: claims.name ?? null };
      },
    },
  ];
}
