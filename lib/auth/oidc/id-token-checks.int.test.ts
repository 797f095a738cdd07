// The ID token checks of the SSO round trip (issue 16, bad input): an ID
// token minted for another client (audience) or carrying another issuer is
// refused by Auth.js' own validation, the browser lands on the login page
// with the "could not be verified" message, and an auth.sso_refused event
// names the reason. The provider is the real npm oidc-provider in this
// process; a middleware in front of it plays the attacker: it swaps our
// client for another registered one (so the code and the token are the
// other client's), or re-signs the ID token with another `iss` using the
// provider's own key. Everything else is the real sign-in: CSRF, state,
// PKCE and nonce pass, so only the check under test can refuse.
import { generateKeyPairSync } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { decodeJwt, importJWK, SignJWT, type JWK } from "jose";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/support/factories";
import { Auth, type AuthConfig } from "@auth/core";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { completeOidcSignIn, isOidcFailure, recordOidcFailure } from "./auth-callbacks";
import { oidcProviders } from "./oidc-provider";

// The provider's port is the system's pick (the two database projects run this file at once).
let ISSUER = "";
let OTHER_ISSUER = "";
const COFFER = "http://localhost:3296";
const REDIRECT = `${COFFER}/api/auth/callback/oidc`;
const OURS = { id: "coffer-int", secret: "ours-client-secret-0123456789" };
const THEIRS = { id: "another-app", secret: "their-client-secret-0123456789" };

const overrides = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock("@/lib/config/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/config/env")>();
  return { ...actual, config: () => ({ ...actual.config(), ...overrides }) };
});
// next-auth runs only inside Next.js (it imports next/server); auth-callbacks.ts takes one class from it, @auth/core's.
vi.mock("next-auth", async () => ({ CredentialsSignin: (await import("@auth/core/errors")).CredentialsSignin }));
Object.assign(overrides, {
  AUTH_SECRET: "id-token-checks-auth-secret-0123456789abcdef",
  COFFER_PUBLIC_URL: COFFER,
  COFFER_OIDC_CLIENT_ID: OURS.id,
  COFFER_OIDC_CLIENT_SECRET: OURS.secret,
  COFFER_OIDC_ALLOW_SIGNUP: false,
});

type Attack = "none" | "audience" | "issuer";
let attack: Attack = "none";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingJwk = { ...(privateKey.export({ format: "jwk" }) as JWK), kid: "int-key", use: "sig", alg: "RS256" };
const basic = (client: { id: string; secret: string }) => `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;

type Ctx = {
  path: string;
  querystring: string;
  body: unknown;
  req: { headers: Record<string, string | undefined> };
};
type KoaProvider = Provider & {
  use(mw: (ctx: Ctx, next: () => Promise<void>) => Promise<void>): void;
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
};

async function startProvider(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  ISSUER = `http://localhost:${port}`;
  OTHER_ISSUER = `http://127.0.0.1:${port}`;
  overrides.COFFER_OIDC_ISSUER = ISSUER;
  const provider = new Provider(ISSUER, {
    clients: [OURS, THEIRS].map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    jwks: { keys: [signingJwk] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["int-oidc-cookie-key-0123456789abcdef"] },
    async findAccount(_ctx: unknown, id: string) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@example.com`, email_verified: true }) };
    },
  }) as KoaProvider;
  provider.use(async (ctx, next) => {
    if (attack === "audience" && ctx.path === "/auth")
      ctx.querystring = ctx.querystring.replace(`client_id=${OURS.id}`, `client_id=${THEIRS.id}`);
    if (attack === "audience" && ctx.path === "/token") ctx.req.headers.authorization = basic(THEIRS);
    await next();
    const answer = ctx.body as { id_token?: string } | undefined;
    if (attack === "issuer" && ctx.path === "/token" && answer?.id_token) {
      const claims = decodeJwt(answer.id_token);
      answer.id_token = await new SignJWT({ ...claims, iss: OTHER_ISSUER })
        .setProtectedHeader({ alg: "RS256", kid: "int-key" })
        .sign(await importJWK(signingJwk, "RS256"));
    }
  });
  server.on("request", provider.callback());
  return server;
}

/** Cookies by name, as a browser would send them to one site (path scoping does not matter here). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

let server: Server;

beforeAll(async () => {
  server = await startProvider();
  await createUser("grace@example.com");
});

// lib/auth/auth.ts's wiring of the SSO parts, on @auth/core (which next-auth
// wraps; next-auth itself loads only inside Next.js): the same provider
// entry, sign-in callback and failure logger.
const authConfig = (): AuthConfig => ({
  secret: String(overrides.AUTH_SECRET),
  trustHost: true,
  basePath: "/api/auth",
  session: { strategy: "jwt" },
  pages: { signIn: "/login", error: "/login" },
  providers: oidcProviders(),
  logger: {
    error(error) {
      if (isOidcFailure(error)) recordOidcFailure(error);
    },
  },
  callbacks: {
    signIn: ({ user, profile }) => completeOidcSignIn(user, profile),
    redirect: ({ url }) => `${COFFER}${sameOriginPath(url, COFFER)}`,
  },
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const auth = async (jar: Jar, path: string, init: { method?: string; body?: URLSearchParams } = {}) => {
  const request = new Request(`${COFFER}/api/auth${path}`, {
    method: init.method ?? "GET",
    headers: { cookie: jar.header(), ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: init.body,
  });
  const response = await Auth(request, authConfig());
  jar.take(response);
  return response;
};

/** At the provider: follow its redirects, sign in as `login` and consent, until it sends the browser back to Coffer. */
async function throughProvider(start: string, login: string): Promise<string> {
  const jar = new Jar();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(REDIRECT)) return url;
    let response = await fetch(url, { headers: { cookie: jar.header() }, redirect: "manual" });
    jar.take(response);
    if (response.status === 200) {
      const page = await response.text();
      const prompt = page.includes('name="login"') ? "login" : "consent";
      const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
      response = await fetch(url, { method: "POST", body: form, headers: { cookie: jar.header() }, redirect: "manual" });
      jar.take(response);
    }
    const next = response.headers.get("location");
    if (!next) throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
    url = new URL(next, url).toString();
  }
  throw new Error("the provider never sent the browser back");
}

/** A whole SSO sign-in as the browser makes it; returns where Coffer sent the browser at the end. */
async function signInThroughSso(login: string, tamper: (callback: URL) => void = () => {}): Promise<string> {
  const jar = new Jar();
  const csrf = await (await auth(jar, "/csrf")).json();
  const started = await auth(jar, "/signin/oidc", {
    method: "POST",
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${COFFER}/` }),
  });
  const toProvider = started.headers.get("location");
  expect(toProvider, "Auth.js sends the browser to the provider").toMatch(new RegExp(`^${ISSUER}/auth\\?`));
  const callback = new URL(await throughProvider(toProvider!, login));
  tamper(callback);
  const finished = await auth(jar, `${callback.pathname.replace("/api/auth", "")}${callback.search}`);
  return finished.headers.get("location") ?? `(status ${finished.status})`;
}

// Auth.js' error name for a refused callback; the login page shows SSO_REFUSALS.failed for it (features/auth/components/sso-sign-in.tsx).
const REFUSED_PAGE = `${COFFER}/login?error=Configuration`;

const lastSeq = async () => (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

async function refusalReason(since: bigint): Promise<string> {
  // Auth.js' logger records it without awaiting: wait for the row, not for a time.
  await expect.poll(() => db.auditEvent.count({ where: { action: "auth.sso_refused", seq: { gt: since } } }), { timeout: 10_000 }).toBe(1);
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sso_refused", seq: { gt: since } } });
  expect(event.outcome).toBe("denied");
  return String((event.details as { reason?: string }).reason);
}

describe("the ID token of an SSO sign-in", () => {
  it("signs in when nothing is tampered with (the harness itself works)", async () => {
    attack = "none";
    const landed = await signInThroughSso("grace");
    expect(landed).toBe(`${COFFER}/`);
    expect(await db.auditEvent.count({ where: { action: "auth.sso_login" } })).toBe(1);
  });

  it("is refused when it was minted for another client (audience)", async () => {
    attack = "audience";
    const since = await lastSeq();
    const landed = await signInThroughSso("grace");
    expect(landed).toBe(REFUSED_PAGE);
    expect(await db.auditEvent.count({ where: { action: "auth.sso_login", seq: { gt: since } } })).toBe(0);
    expect(await refusalReason(since)).toBe('CallbackRouteError: unexpected JWT "aud" (audience) claim value');
  });

  it("is refused when it names another issuer, even validly signed", async () => {
    attack = "issuer";
    const since = await lastSeq();
    const landed = await signInThroughSso("grace");
    expect(landed).toBe(REFUSED_PAGE);
    expect(await db.auditEvent.count({ where: { action: "auth.sso_login", seq: { gt: since } } })).toBe(0);
    expect(await refusalReason(since)).toBe('CallbackRouteError: unexpected JWT "iss" (issuer) claim value');
  });

  it("is never reached with a state of another sign-in: the callback is refused first", async () => {
    attack = "none";
    const since = await lastSeq();
    const landed = await signInThroughSso("grace", (callback) => callback.searchParams.set("state", "forged-state"));
    expect(landed).toBe(REFUSED_PAGE);
    expect(await refusalReason(since)).toBe('CallbackRouteError: unexpected "state" response parameter value');
  });
});
