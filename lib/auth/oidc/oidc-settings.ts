// What the environment says about single sign-on; null when it is off
// (COFFER_OIDC_ISSUER unset). lib/config/env.ts already refused a half
// configuration, so a set issuer comes with its client id and secret.
import { config } from "../../config/env";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The login button's label. */
  name: string;
  groupsClaim: string;
  allowSignup: boolean;
  scope: string;
};

export function oidcSettings(): OidcSettings | null {
  const env = config();
  if (!env.COFFER_OIDC_ISSUER || !env.COFFER_OIDC_CLIENT_ID || !env.COFFER_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.COFFER_OIDC_ISSUER,
    clientId: env.COFFER_OIDC_CLIENT_ID,
    clientSecret: env.COFFER_OIDC_CLIENT_SECRET,
    name: env.COFFER_OIDC_NAME,
    groupsClaim: env.COFFER_OIDC_GROUPS_CLAIM,
    allowSignup: env.COFFER_OIDC_ALLOW_SIGNUP,
    scope: env.COFFER_OIDC_SCOPES,
  };
}

/** The label of the login page's SSO button, or null when SSO is off. */
export function ssoButtonLabel(): string | null {
  return oidcSettings()?.name ?? null;
}
