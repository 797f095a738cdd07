// Checks server.ts makes before a request reaches Next.js, each answering
// 4xx where Next.js (or PostgreSQL behind it) would answer 500:
// - a method the path does not answer: 405 with `Allow` (TRACE made Next's
//   Request constructor throw);
// - a path or query that is not percent-encoded UTF-8, or that decodes to
//   NUL or control characters: 400 (`/invite/%ff` threw in Next's router,
//   `/secrets/%00` reached PostgreSQL);
// - a form post or server action whose Origin is not this host: 403 (Next
//   answers it, and an unparsable Origin, with 500);
// - a /v1 path no route serves: a Vault-shaped 404 (Next's is an HTML page).
// Under /v1 every rejection has Vault's shape, `{"errors":["…"]}`: Vault
// clients read that and nothing else.
import type { IncomingHttpHeaders } from "node:http";
import { allowedMethods, isVaultPath } from "./route-methods";
import { requestHost } from "./transport-security";

export type Rejection = { status: number; code: string; message: string; headers?: Record<string, string> };

/** Methods Next.js route handlers know; anything else never reaches Next. */
const NEXT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

const bad = (message: string): Rejection => ({ status: 400, code: "bad_request", message });

export function screenMethod(method: string, pathname: string): Rejection | null {
  const allow = allowedMethods(pathname);
  if (allow === null) {
    if (isVaultPath(pathname)) return { status: 404, code: "not_found", message: `unsupported path: ${pathname}` };
    if (NEXT_METHODS.has(method)) return null; // Next.js answers 404
    return { status: 404, code: "not_found", message: "no API route at this path" };
  }
  if (allow.includes(method)) return null;
  return {
    status: 405,
    code: "method_not_allowed",
    message: `${method} is not allowed here; allowed: ${allow.join(", ")}`,
    headers: { Allow: allow.join(", ") },
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function percentDecode(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(char);
  }
  return Uint8Array.from(bytes);
}

/**
 * Why a path or query string cannot be taken, or null. Query strings may
 * hold tab, LF and CR (form text carries them; the code that uses a value
 * decides); paths may not, and neither may hold NUL or other controls.
 */
export function targetProblem(part: string, what: "the path" | "the query string"): string | null {
  // Node's parser already refuses raw bytes above 0x7f and raw controls;
  // this covers what a caller of this function passes.
  if (/[^\x21-\x7e]/.test(part)) return `${what} has a character that must be percent-encoded`;
  const bytes = percentDecode(part);
  if (!bytes) return `${what} has invalid percent-encoding (a % not followed by two hex digits)`;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return `${what} is not valid UTF-8 once percent-decoded (or encodes a lone surrogate)`;
  }
  if (text.includes("\0")) return `${what} holds a NUL byte (%00)`;
  const controls = what === "the path" ? /[\x01-\x1f\x7f]/ : /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/;
  if (controls.test(text)) return `${what} holds a control character`;
  return null;
}

/** Splits a request target; null for anything but a path (absolute-form, `*`). */
export function splitTarget(url: string): { pathname: string; query: string } | null {
  if (!url.startsWith("/") || url.startsWith("//")) return null;
  const at = url.indexOf("?");
  return at < 0 ? { pathname: url, query: "" } : { pathname: url.slice(0, at), query: url.slice(at + 1) };
}

// The comparison Next.js makes (Origin's host against the Host, or a trusted
// X-Forwarded-Host, as sent), so that whatever passes here passes there.
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type ScreenInput = { method: string; url: string; headers: IncomingHttpHeaders; trustProxy: boolean };

/** The first reason to refuse a request before Next.js sees it, or null. */
export function screenRequest({ method, url, headers, trustProxy }: ScreenInput): Rejection | null {
  const target = splitTarget(url);
  if (!target) return bad("the request target must be a path");
  const problem = targetProblem(target.pathname, "the path") ?? targetProblem(target.query, "the query string");
  if (problem) return bad(problem);

  const refused = screenMethod(method, target.pathname);
  if (refused) return refused;

  // Pages take POST only as form posts and server actions; browsers always
  // send Origin with them. (API routes, /api and /v1, authenticate by token.)
  const origin = headers.origin;
  const isPage = !(target.pathname === "/api" || target.pathname.startsWith("/api/") || isVaultPath(target.pathname));
  if (isPage && method === "POST" && origin !== undefined && !sameHost(origin, requestHost(headers, trustProxy))) {
    return { status: 403, code: "forbidden", message: "cross-origin request refused: Origin does not match the host" };
  }
  return null;
}

/**
 * A rejection as a response body: JSON, or one line of text for a browser;
 * for a /v1 target always Vault's JSON.
 */
export function rejectionBody(rejection: Rejection, accept: string | undefined, url = ""): { type: string; body: string } {
  if (isVaultPath(splitTarget(url)?.pathname ?? ""))
    return { type: "application/json", body: JSON.stringify({ errors: [rejection.message] }) };
  if (accept?.includes("text/html")) return { type: "text/plain; charset=utf-8", body: `${rejection.status} ${rejection.message}\n` };
  return { type: "application/json", body: JSON.stringify({ error: { code: rejection.code, message: rejection.message } }) };
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  431: "Request Header Fields Too Large",
};

/** A whole HTTP/1.1 response, for sockets Node hands over without a ServerResponse; `url` is the refused target. */
export function rawResponse(rejection: Rejection, url = ""): string {
  const { type, body } = rejectionBody(rejection, undefined, url);
  const headers = { ...rejection.headers, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), Connection: "close" };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${rejection.status} ${REASONS[rejection.status] ?? ""}`, ...lines, "", body].join("\r\n");
}
