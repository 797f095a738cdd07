// Next 16's middleware. It only sends signed-out visitors to the sign-in
// page and sets a per-request Content-Security-Policy nonce; every access
// decision is made by lib/<domain> functions.
import { NextResponse, type NextRequest } from "next/server";

// The icons and the web manifest (public/) show on the sign-in page too.
const PUBLIC_FILES = ["/favicon", "/icon.svg", "/icon-192.png", "/icon-512.png", "/apple-touch-icon.png", "/manifest.webmanifest"];
const PUBLIC_PREFIXES = ["/login", "/setup", "/invite/", "/reset-password/", "/api/", "/_next/", ...PUBLIC_FILES];

// The Vault-compatible API authenticates by token and answers in Vault's
// shape: a redirect to the sign-in page is no answer a Vault client reads.
const isVaultPath = (pathname: string) => pathname === "/v1" || pathname.startsWith("/v1/");

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix)) || isVaultPath(pathname);
  if (!isPublic && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    // Where to return after sign-in; the login page and action accept it
    // only if it resolves to our own origin (lib/http/same-origin-path.ts).
    if (pathname !== "/" || search) login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
