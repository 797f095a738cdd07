// Auth.js (next-auth v5) with email + password. The JWT it signs carries
// only our session row's id (`sid`); lib/auth/session.ts checks that row on
// every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "../config/env";
import { DomainError, Throttled } from "../errors";
import { contextFromHeaders } from "../http/request-context";
import { sameOriginPath } from "../http/same-origin-path";
import { log } from "../log/logger";
import { HOUR_MS, SECOND_MS } from "../time";
import { signIn as signInWithPassword } from "./sign-in";

class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}
class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}
class SignInInvalid extends CredentialsSignin {
  code = "invalid_input";
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
// http://0.0.0.0:…). server.ts sets it too, before Next starts.
process.env.AUTH_URL = publicUrl;

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Safe because AUTH_URL is set: the host is never taken from a request.
  trustHost: true,
  // Auth.js prints stack traces to stderr by default; a failed sign-in is
  // expected and already audited, anything else goes to our JSON log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
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
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const signedIn = await signInWithPassword(credentials, contextFromHeaders(request.headers));
          return { id: signedIn.userId, email: signedIn.email, name: signedIn.name, sessionId: signedIn.sessionId };
        } catch (error) {
          if (error instanceof Throttled) throw new SignInThrottled();
          if (error instanceof DomainError && error.status === 400) throw new SignInInvalid();
          if (error instanceof DomainError) throw new WrongCredentials();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
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
