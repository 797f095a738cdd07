import type { RequestContext } from "../auth/actor";

// server.ts replaces x-forwarded-for with the socket address (and drops
// the other X-Forwarded-* headers) unless COFFER_TRUST_PROXY is set, and
// always sets x-request-id, so both can be trusted here
// (lib/http/transport-security.ts).
export function contextFromHeaders(headers: Headers): RequestContext {
  const forwarded = headers.get("x-forwarded-for");
  return {
    ip: forwarded ? forwarded.split(",")[0]!.trim() || null : null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: headers.get("x-request-id"),
  };
}
