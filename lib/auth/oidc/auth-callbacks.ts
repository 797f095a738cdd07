// The glue between Auth.js' OIDC callback and signInWithOidc. Auth.js has
// already checked state, PKCE, nonce and the ID token (issuer, audience,
// signature, expiry) before signIn() runs; its refusals reach us only
// through its logger, where recordOidcFailure() audits them.
import { headers } from "next/headers";
import { CredentialsSignin, type Profile, type User } from "next-auth";
import { contextFromHeaders } from "../../http/request-context";
import { log } from "../../log/logger";
import { emptyContext, type RequestContext } from "../actor";
import { recordSsoRefusal, signInWithOidc } from "./sign-in-with-oidc";
import { SsoRefused } from "./sso-refusal";

async function requestContext(): Promise<RequestContext> {
  try {
    return contextFromHeaders(await headers());
  } catch {
    return emptyContext;
  }
}

/**
 * Auth.js' signIn callback for the OIDC provider: true with the session id
 * on `user` (the jwt callback puts it in the cookie), or the login page
 * with the refusal's code.
 */
export async function completeOidcSignIn(user: User, profile: Profile | undefined): Promise<true | string> {
  try {
    const signedIn = await signInWithOidc(profile ?? {}, await requestContext());
    user.id = signedIn.userId;
    user.sessionId = signedIn.sessionId;
    return true;
  } catch (error) {
    if (error instanceof SsoRefused) return `/login?sso=${error.code}`;
    throw error;
  }
}

// Auth.js' names for a callback it refused: a state, PKCE or nonce check
// that failed (forged or replayed callback), an ID token it would not
// accept (another issuer or audience, a bad signature), or the provider
// answering with an error.
const OIDC_FAILURES = new Set(["InvalidCheck", "CallbackRouteError", "OAuthCallbackError", "OAuthProfileParseError", "OAuthSignInError"]);

export function isOidcFailure(error: Error): boolean {
  return OIDC_FAILURES.has((error as Error & { type?: string }).type ?? "");
}

function describe(error: Error): string {
  const cause = (error as Error & { cause?: { err?: unknown } }).cause?.err;
  // oauth4webapi's ResponseBodyError carries the provider's own error code.
  const answer = cause as { error?: unknown; error_description?: unknown } | undefined;
  const fromProvider =
    typeof answer?.error === "string"
      ? ` (${answer.error}${typeof answer.error_description === "string" ? `: ${answer.error_description}` : ""})`
      : "";
  const detail = (cause instanceof Error ? cause.message : error.message) + fromProvider;
  return `${(error as Error & { type?: string }).type}: ${detail}`.slice(0, 300);
}

/** Audits a refused OIDC callback; the logger that calls it cannot wait, so a failure to record is logged. */
export function recordOidcFailure(error: Error): void {
  const reason = describe(error);
  // Auth.js' own message only points at its docs: the cause is what an operator needs.
  log.warn({ reason }, "SSO callback refused");
  void requestContext()
    .then((context) => recordSsoRefusal(context, null, reason))
    .catch((err: unknown) =>
      log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, "could not audit a refused SSO callback"),
    );
}

/** A right password the policy refuses: its own code, so the form says why rather than "wrong password". */
export class PasswordLoginSignin extends CredentialsSignin {
  code = "password_login";
}
