// A second Coffer for the SSO story, configured for the test's OpenID
// provider (the shared e2e instance runs without SSO).
import { startSideCoffer, type SideCoffer } from "./side-instance";
import { OIDC_CLIENT, OIDC_ISSUER } from "./oidc-provider";

export const SSO_PORT = 3211;
// localhost, not 127.0.0.1: Next.js rewrites 127.x hosts to localhost in a
// route handler's URL, so Auth.js would send the provider a redirect URI
// (at the token step) other than the one it registered (at the sign-in step).
export const SSO_URL = `http://localhost:${SSO_PORT}`;

export function startSsoCoffer(): Promise<SideCoffer> {
  return startSideCoffer("sso", SSO_PORT, {
    COFFER_OIDC_ISSUER: OIDC_ISSUER,
    COFFER_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    COFFER_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    COFFER_OIDC_NAME: "Test IdP",
    COFFER_OIDC_SCOPES: "openid email profile groups",
    COFFER_OIDC_ALLOW_SIGNUP: "true",
    COFFER_PASSWORD_LOGIN: "owners",
  });
}
