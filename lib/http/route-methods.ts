// The methods each path answers, for the HTTP layer (server.ts) to refuse
// any other method with 405 and an `Allow` header before Next.js sees it:
// Next answers TRACE with a 500 (its Request constructor throws), other
// unknown methods with 400, and an unexported method with a 405 that has
// no `Allow`. route-methods.test.ts checks this table against the route
// files' exports, so a new route without a row fails the suite.

/** Route handlers by path pattern (`[x]` one segment, `[...x]` the rest) → exported methods. */
export const ROUTE_HANDLERS: Readonly<Record<string, readonly string[]>> = {
  "/audit/export": ["GET"],
  "/api/auth/[...nextauth]": ["GET", "POST"],
  "/api/health": ["GET"],
  "/api/v1/approval-policy": ["GET", "PUT"],
  "/api/v1/approvals": ["GET", "POST"],
  "/api/v1/approvals/[id]": ["GET"],
  "/api/v1/approvals/[id]/approve": ["POST"],
  "/api/v1/approvals/[id]/cancel": ["POST"],
  "/api/v1/approvals/[id]/deny": ["POST"],
  "/api/v1/audit": ["GET"],
  "/api/v1/audit/checkpoints/consistency": ["GET"],
  "/api/v1/audit/checkpoints/latest": ["GET"],
  "/api/v1/audit/events/[seq]/proof": ["GET"],
  "/api/v1/audit/export": ["GET"],
  "/api/v1/audit/public-key": ["GET"],
  "/api/v1/audit/stats": ["GET"],
  "/api/v1/audit/verify": ["GET", "POST"],
  "/api/v1/auth/passkey/options": ["POST"],
  "/api/v1/auth/token": ["POST"],
  "/api/v1/encryption": ["GET", "POST"],
  "/api/v1/integrations/docker-swarm/deliveries": ["POST"],
  "/api/v1/integrations/kubernetes-kms/decrypt": ["POST"],
  "/api/v1/integrations/kubernetes-kms/encrypt": ["POST"],
  "/api/v1/integrations/kubernetes-kms/status": ["GET"],
  "/api/v1/invites": ["GET", "POST"],
  "/api/v1/invites/[id]": ["DELETE"],
  "/api/v1/invites/accept": ["POST"],
  "/api/v1/me": ["GET"],
  "/api/v1/me/mfa/totp": ["GET", "POST", "DELETE"],
  "/api/v1/me/mfa/passkeys": ["GET", "POST"],
  "/api/v1/me/mfa/passkeys/[id]": ["DELETE"],
  "/api/v1/me/mfa/passkeys/options": ["POST"],
  "/api/v1/me/mfa/totp/confirm": ["POST"],
  "/api/v1/namespaces": ["GET", "POST"],
  "/api/v1/namespaces/[ns]": ["DELETE"],
  "/api/v1/namespaces/[ns]/approval-policy": ["GET", "PUT"],
  "/api/v1/namespaces/[ns]/deleted-secrets": ["GET"],
  "/api/v1/namespaces/[ns]/integrations": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/integrations/[id]": ["DELETE"],
  "/api/v1/namespaces/[ns]/integrations/[id]/token": ["POST"],
  "/api/v1/namespaces/[ns]/manifests": ["POST"],
  "/api/v1/namespaces/[ns]/secrets": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/secrets/[name]": ["GET", "PATCH", "DELETE"],
  "/api/v1/namespaces/[ns]/secrets/[name]/restore": ["POST"],
  "/api/v1/namespaces/[ns]/secrets/[name]/rollback": ["POST"],
  "/api/v1/namespaces/[ns]/secrets/[name]/rotation": ["GET", "PUT", "DELETE"],
  "/api/v1/namespaces/[ns]/secrets/[name]/rotation/run": ["POST"],
  "/api/v1/namespaces/[ns]/secrets/[name]/value": ["GET"],
  "/api/v1/namespaces/[ns]/secrets/[name]/versions": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/services": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/services/[name]": ["GET", "PATCH", "DELETE"],
  "/api/v1/namespaces/[ns]/services/[name]/bindings": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/services/[name]/bindings/[...target]": ["DELETE"],
  "/api/v1/namespaces/[ns]/services/[name]/tokens": ["GET", "POST"],
  "/api/v1/namespaces/[ns]/services/[name]/tokens/[id]": ["DELETE"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/password-reset": ["POST"],
  "/api/v1/password-reset/check": ["POST"],
  "/api/v1/role-bindings": ["GET", "POST"],
  "/api/v1/role-bindings/[id]": ["DELETE"],
  "/api/v1/roles": ["GET", "POST"],
  "/api/v1/roles/[name]": ["PATCH", "DELETE"],
  "/api/v1/runtime/secrets": ["GET"],
  "/api/v1/setup": ["POST"],
  "/api/v1/sso/group-mappings": ["GET", "POST"],
  "/api/v1/sso/group-mappings/[id]": ["DELETE"],
  "/api/v1/users": ["GET"],
  "/api/v1/users/[id]": ["GET", "PATCH", "DELETE"],
  "/api/v1/users/[id]/mfa": ["DELETE"],
  "/api/v1/users/[id]/password-reset": ["POST"],
  "/api/v1/users/[id]/tokens": ["GET"],
  "/api/v1/users/[id]/tokens/[tokenId]": ["DELETE"],
  // The Vault-compatible API (issue 15); LIST arrives as GET + ?list=true (lib/http/list-method.ts).
  "/v1/[mount]/data/[...name]": ["GET", "POST", "PUT", "PATCH", "DELETE"],
  "/v1/[mount]/delete/[...name]": ["POST", "PUT"],
  "/v1/[mount]/destroy/[...name]": ["POST", "PUT"],
  "/v1/[mount]/metadata": ["GET"],
  "/v1/[mount]/metadata/[...name]": ["GET", "POST", "PUT", "DELETE"],
  "/v1/[mount]/undelete/[...name]": ["POST", "PUT"],
  "/v1/auth/token/lookup-self": ["GET"],
  "/v1/auth/token/revoke-self": ["POST", "PUT"],
  "/v1/sys/health": ["GET"],
  "/v1/sys/internal/ui/mounts/[...path]": ["GET"],
  "/v1/sys/mounts": ["GET"],
};

/** Pages take GET (and HEAD) and POST, which is how server actions arrive. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;

type Compiled = { pattern: string; rank: string; regex: RegExp; allow: string[] };

const compiled: Compiled[] = Object.entries(ROUTE_HANDLERS).map(([pattern, methods]) => {
  const segments = pattern.split("/").slice(1);
  const regex = segments
    .map((segment) => (segment.startsWith("[...") ? "/.+" : segment.startsWith("[") ? "/[^/]+" : `/${segment.replace(/[.]/g, "\\.")}`))
    .join("");
  // Next.js prefers a static segment to a dynamic one, and both to a catch-all.
  const rank = segments.map((s) => (s.startsWith("[...") ? "2" : s.startsWith("[") ? "1" : "0")).join("");
  // HEAD runs GET, and Next.js answers OPTIONS itself, for every route handler.
  const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
  return { pattern, rank, regex: new RegExp(`^${regex}$`), allow };
});

/** The route handler pattern a path reaches, if any. */
export function routeHandlerFor(pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  let best: Compiled | null = null;
  for (const route of compiled) {
    if (route.regex.test(path) && (!best || route.rank < best.rank)) best = route;
  }
  return best?.pattern ?? null;
}

/** A path of the Vault-compatible API, which has no pages: what no route serves is a Vault-shaped 404. */
export function isVaultPath(pathname: string): boolean {
  return pathname === "/v1" || pathname.startsWith("/v1/");
}

/**
 * What a path answers: a route handler's methods, a page's methods, or
 * null for a path under /api/ or /v1/ that no route handler serves (a 404).
 */
export function allowedMethods(pathname: string): readonly string[] | null {
  const route = routeHandlerFor(pathname);
  if (route) return compiled.find((c) => c.pattern === route)!.allow;
  if (pathname === "/api" || pathname.startsWith("/api/") || isVaultPath(pathname)) return null;
  return PAGE_METHODS;
}
