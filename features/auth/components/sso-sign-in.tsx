import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ssoButtonLabel } from "@/lib/auth/oidc/oidc-settings";
import { SSO_REFUSALS, ssoRefusalMessage } from "@/lib/auth/oidc/sso-refusal";
import { ssoSignInAction } from "../sso-action";

// Auth.js' error names for a callback it refused (state, PKCE, nonce, ID
// token checks): the login page gets `?error=<name>`.
const AUTH_JS_FAILURES = new Set([
  "Configuration",
  "OAuthCallbackError",
  "OAuthSignInError",
  "AccessDenied",
  "CallbackRouteError",
  "InvalidCheck",
]);

function ssoMessage(sso: string | undefined, error: string | undefined): string | null {
  return ssoRefusalMessage(sso) ?? (error && AUTH_JS_FAILURES.has(error) ? SSO_REFUSALS.failed : null);
}

/** The SSO button (only when COFFER_OIDC_ISSUER is set) and why the last SSO attempt was refused. */
export function SsoSignIn({ next, sso, error }: { next: string; sso?: string; error?: string }) {
  const label = ssoButtonLabel();
  if (!label) return null;
  const message = ssoMessage(sso, error);
  return (
    <div className="mt-5 space-y-3 border-t border-zinc-200 pt-5 dark:border-zinc-800">
      {message ? <Alert>{message}</Alert> : null}
      <form action={ssoSignInAction} noValidate>
        <input type="hidden" name="next" value={next} />
        <Button type="submit" variant="secondary" className="w-full">
          Sign in with {label}
        </Button>
      </form>
    </div>
  );
}
