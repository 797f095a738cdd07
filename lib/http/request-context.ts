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
    approvalId: approvalIdFrom(headers.get("x-coffer-approval")),
  };
}

// An approval id is `apr_` and base64url; anything else is ignored, so junk
// in the header can only mean "no approval named" (the gate then looks for
// one by itself, and refuses when there is none).
const APPROVAL_ID = /^apr_[A-Za-z0-9_-]{16,64}$/;

function approvalIdFrom(value: string | null): string | null {
  const id = value?.trim() ?? "";
  return APPROVAL_ID.test(id) ? id : null;
}
