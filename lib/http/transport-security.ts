// What the HTTP layer believes about how a request reached us. The
// X-Forwarded-* headers are a client's word unless COFFER_TRUST_PROXY says
// a proxy we run sets them: otherwise Next.js and Auth.js would take a
// forged X-Forwarded-Host for our host and X-Forwarded-Proto for https.
import type { IncomingHttpHeaders } from "node:http";

/** Two years, the preload list's minimum; subdomains of Coffer's host only. */
export const HSTS = "max-age=63072000; includeSubDomains";

const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(",")[0]?.trim() || undefined;
}

/**
 * Drops the forwarding headers a client could forge and pins the client
 * address to the socket, unless a trusted proxy sets them. Mutates `headers`.
 */
export function pinForwardedHeaders(headers: IncomingHttpHeaders, trustProxy: boolean, remoteAddress: string | undefined): void {
  if (trustProxy) return;
  for (const name of FORWARDED) delete headers[name];
  // The socket is the only honest source of the client address (login
  // throttling keys on it).
  headers["x-forwarded-for"] = remoteAddress ?? "";
}

/** Whether the browser talks to us over https: our own TLS, or a trusted proxy's. */
export function servedOverHttps(encrypted: boolean, headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  if (encrypted) return true;
  return trustProxy && first(headers["x-forwarded-proto"])?.toLowerCase() === "https";
}

/** The host the browser addressed, as Next.js compares it with a server action's Origin. */
export function requestHost(headers: IncomingHttpHeaders, trustProxy: boolean): string | undefined {
  return (trustProxy ? first(headers["x-forwarded-host"]) : undefined) ?? headers.host;
}
