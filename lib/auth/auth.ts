// Auth.js (next-auth v5) with email + password. The JWT it signs carries
// only our session row's id (`sid`); lib/auth/session.ts checks that row on
// every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "../config/env";
import { DomainError, Throttled, Unauthorized } from "../errors";
import { contextFromHeaders } from "../http/request-context";
import { sameOriginPath } from "../http/same-origin-path";
import { log } from "../log/logger";
import { HOUR_MS, SECOND_MS } from "../time";
import { SecondFactorRequired } from "./mfa/sign-in-challenge";
import { WRONG_CODE } from "./mfa/second-factor";
import { completeSignIn, EXPIRED_CHALLENGE, signIn as signInWithPassword } from "./sign-in";
import { completePasskeySignIn, PasskeyRefused } from "./mfa/passkey-sign-in";
import { completeOidcSignIn, isOidcFailure, PasswordLoginSignin, recordOidcFailure } from "./oidc/auth-callbacks";
import { PasswordLoginRefused } from "./oidc/password-login-policy";
import { OIDC_PROVIDER_ID, oidcProviders } from "./oidc/oidc-provider";

class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}
class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}
class SignInInvalid extends CredentialsSignin {
  code = "invalid_input";
}

/** The password was right; the form asks for a code next, carrying the challenge. */
export class SecondFactorSignin extends CredentialsSignin {
  code = "mfa_required";
  constructor(readonly challenge: string) {
    super();
  }
}
class ChallengeExpired extends CredentialsSignin {
  code = "challenge_expired";
}
class WrongCode extends CredentialsSignin {
  code = "wrong_code";
}
/** A refused passkey assertion; the form shows `message` (lib/auth/mfa/passkey-sign-in.ts). */
export class PasskeySignin extends CredentialsSignin {
  code = "passkey_refused";
  constructor(readonly passkeyMessage: string) {
    super();
  }
}

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

const publicUrl = config().COFFER_PUBLIC_URL;
// Auth.js takes its own URL from AUTH_URL; without it, it would read the
// Host and X-Forwarded-Host headers (or Next's listening address,
// http://0.0.0.0:…). It is set here, when this module first loads.
process.env.AUTH_URL = publicUrl;

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Safe because AUTH_URL is set: the host is never taken from a request.
  trustHost: true,
  // Auth.js prints stack traces to stderr by default; a failed sign-in is
  // expected and already audited, anything else goes to our JSON log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      if (isOidcFailure(error)) recordOidcFailure(error);
      log.error({ err: { name: error.name, message: error.message } }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
  secret: config().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: (config().COFFER_SESSION_HOURS * HOUR_MS) / SECOND_MS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      // Either email + password, or (the second step) the challenge the password step gave and a
      // code, or that challenge and a passkey's assertion (JSON text).
      credentials: { email: {}, password: {}, challenge: {}, code: {}, passkey: {} },
      async authorize(credentials, request) {
        try {
          const context = contextFromHeaders(request.headers);
          const signedIn =
            credentials.challenge !== undefined && credentials.passkey !== undefined
              ? await completePasskeySignIn(credentials, context)
              : credentials.challenge !== undefined
                ? await completeSignIn(credentials, context)
                : await signInWithPassword(credentials, context);
          return { id: signedIn.userId, email: signedIn.email, name: signedIn.name, sessionId: signedIn.sessionId };
        } catch (error) {
          if (error instanceof SecondFactorRequired) throw new SecondFactorSignin(error.challenge);
          if (error instanceof Unauthorized && error.message === EXPIRED_CHALLENGE) throw new ChallengeExpired();
          if (error instanceof Unauthorized && error.message === WRONG_CODE) throw new WrongCode();
          if (error instanceof PasskeyRefused) throw new PasskeySignin(error.message);
          if (error instanceof Throttled) throw new SignInThrottled();
          if (error instanceof PasswordLoginRefused) throw new PasswordLoginSignin();
          if (error instanceof DomainError && error.status === 400) throw new SignInInvalid();
          if (error instanceof DomainError) throw new WrongCredentials();
          throw error;
        }
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    // Credentials sign-ins were checked in authorize(); an OIDC one is
    // linked to its user (or refused) here.
    signIn({ user, account, profile }) {
      return account?.provider === OIDC_PROVIDER_ID ? completeOidcSignIn(user, profile) : true;
    },
    // Every Auth.js redirect (sign-in, sign-out, errors) stays on the
    // public origin, whatever callbackUrl or redirectTo asked for.
    redirect({ url }) {
      return `${publicUrl}${sameOriginPath(url, publicUrl)}`;
    },
    jwt({ token, user }) {
      if (user?.sessionId) return { sub: user.id, sid: user.sessionId };
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
});
