// A real OpenID provider for the SSO story: npm's oidc-provider (a certified
// implementation) on a loopback port, with one static client (Coffer) and
// two users. Its development login form takes the account id as "login"
// and any password.
import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_PORT = 3290;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "coffer-e2e", secret: "CANARY-oidc-client-secret-5d2a" } as const;

/** The provider's users: one in group `platform`, one in none. */
export const OIDC_USERS = {
  grace: { email: "grace@example.com", email_verified: true, name: "Grace Hopper", groups: ["platform"] },
  linus: { email: "linus@example.com", email_verified: true, name: "Linus Nogroup", groups: [] as string[] },
} as const;

export async function startOidcProvider(redirectUri: string): Promise<{ stop: () => Promise<void> }> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Claims in the ID token itself, as Keycloak's and Dex's group mappers do:
    // Auth.js reads the ID token, not the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789abcdef"] },
    async findAccount(_ctx: unknown, id: string) {
      const user = OIDC_USERS[id as keyof typeof OIDC_USERS];
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...user }) };
    },
  });
  // Its refusals say why only in these events: shown when a story fails at the provider.
  for (const event of ["grant.error", "authorization.error", "server_error"]) {
    provider.on(
      event,
      (ctx: { oidc?: { params?: unknown } }, error: { message?: string; error_description?: string; error_detail?: string }) =>
        console.error(
          `oidc-provider ${event}: ${error.message} ${error.error_description ?? ""} ${error.error_detail ?? ""}`,
          JSON.stringify(ctx.oidc?.params ?? {}),
        ),
    );
  }
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(OIDC_PORT, "127.0.0.1", () => resolve(listening));
  });
  return { stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
