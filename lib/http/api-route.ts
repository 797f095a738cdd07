// Route wrapper for authenticated API endpoints: resolves the bearer token
// to an actor before the handler runs, so a handler cannot forget to. A
// missing or refused token is a 401, audited by resolveAccessToken.
import type { UserActor } from "../auth/actor";
import { resolveAccessToken } from "../tokens/resolve-access-token";
import { bearerToken } from "../tokens/token-secret";
import { contextFromHeaders } from "./request-context";
import { route } from "./route";

export function apiRoute<P = Record<string, string>>(
  handler: (request: Request, context: { params: P; actor: UserActor }) => Promise<Response>,
) {
  return route<P>(async (request, { params }) => {
    const actor = await resolveAccessToken(
      bearerToken(request.headers),
      contextFromHeaders(request.headers),
      new URL(request.url).pathname,
    );
    return handler(request, { params, actor });
  });
}

/** JSON that must never be cached: anything about secrets or tokens. */
export function noStoreJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
