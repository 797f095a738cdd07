// Regression: TRACE on every route, invalid UTF-8, lone surrogates and NUL
// in paths answered 500, and so did a cross-origin server action. The HTTP layer now answers each with a 4xx naming it.
import { describe, expect, it } from "vitest";
import { rawResponse, rejectionBody, screenRequest, targetProblem } from "./screen-request";

const HOST = "coffer.example:3000";
const screen = (method: string, url: string, headers: Record<string, string> = {}, trustProxy = false) =>
  screenRequest({ method, url, headers: { host: HOST, ...headers }, trustProxy });

describe("screenRequest: methods", () => {
  it.each(["/", "/login", "/secrets/db", "/api/health", "/api/v1/namespaces", "/api/v1/namespaces/default/secrets/db", "/audit/export"])(
    "refuses TRACE on %s with 405 and Allow",
    (path) => {
      const rejection = screen("TRACE", path);
      expect(rejection?.status).toBe(405);
      expect(rejection?.headers?.Allow).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
      expect(rejection?.message).toContain("TRACE is not allowed here");
    },
  );

  it("names what a route handler allows", () => {
    expect(screen("PUT", "/api/health")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, OPTIONS" } });
    expect(screen("DELETE", "/api/v1/namespaces")).toMatchObject({ status: 405, headers: { Allow: "GET, POST, HEAD, OPTIONS" } });
    expect(screen("PROPFIND", "/api/v1/setup")).toMatchObject({ status: 405, headers: { Allow: "POST, OPTIONS" } });
  });

  it("refuses methods a page does not take", () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACK", "CONNECT"]) {
      expect(screen(method, "/login")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
    }
  });

  it("lets through what routes and pages answer", () => {
    expect(screen("GET", "/api/health")).toBeNull();
    expect(screen("HEAD", "/api/health")).toBeNull();
    expect(screen("OPTIONS", "/api/v1/namespaces")).toBeNull();
    expect(screen("PATCH", "/api/v1/namespaces/default/secrets/db")).toBeNull();
    expect(screen("GET", "/secrets?ns=default")).toBeNull();
    expect(screen("POST", "/login", { origin: `http://${HOST}` })).toBeNull();
  });

  it("leaves unknown API paths to Next.js's 404, and refuses unknown methods there with 404", () => {
    expect(screen("GET", "/api/v1/nothing")).toBeNull();
    expect(screen("TRACE", "/api/v1/nothing")).toMatchObject({ status: 404, code: "not_found" });
  });
});

// Regression: an unknown /v1 path fell to Next.js's HTML 404 page, which no Vault client reads.
describe("screenRequest: the Vault API at /v1", () => {
  it("answers a /v1 path no route serves with 404 naming it, for every method", () => {
    for (const method of ["GET", "POST", "TRACE"]) {
      expect(screen(method, "/v1/nothing/here?list=true")).toEqual({
        status: 404,
        code: "not_found",
        message: "unsupported path: /v1/nothing/here",
      });
    }
    expect(screen("GET", "/v1")).toMatchObject({ status: 404, message: "unsupported path: /v1" });
  });

  it("lets through what the Vault routes answer, trailing slash or not", () => {
    expect(screen("GET", "/v1/sys/health")).toBeNull();
    expect(screen("GET", "/v1/secret/metadata/?list=true")).toBeNull();
    expect(screen("PUT", "/v1/secret/data/db")).toBeNull();
  });

  it("refuses other methods with 405 and Allow", () => {
    expect(screen("DELETE", "/v1/sys/health")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, OPTIONS" } });
    expect(screen("PATCH", "/v1/secret/undelete/db")).toMatchObject({ status: 405, headers: { Allow: "POST, PUT, OPTIONS" } });
  });

  it("leaves its posts to their tokens, as /api's", () => {
    expect(screen("POST", "/v1/secret/data/db", { origin: "http://evil.example" })).toBeNull();
  });
});

describe("screenRequest: paths and query strings", () => {
  it.each([
    ["/secrets/%00", "the path holds a NUL byte (%00)"],
    ["/a%0ab", "the path holds a control character"],
    ["/a%0db", "the path holds a control character"],
    ["/a%09b", "the path holds a control character"],
    ["/a%7fb", "the path holds a control character"],
    ["/invite/%ff", "the path is not valid UTF-8 once percent-decoded (or encodes a lone surrogate)"],
    ["/api/v1/namespaces/%ed%a0%80/secrets", "the path is not valid UTF-8 once percent-decoded (or encodes a lone surrogate)"],
    ["/api/v1/namespaces/%c3/secrets", "the path is not valid UTF-8 once percent-decoded (or encodes a lone surrogate)"],
    ["/api/v1/namespaces/%/secrets", "the path has invalid percent-encoding (a % not followed by two hex digits)"],
    ["/%zz", "the path has invalid percent-encoding (a % not followed by two hex digits)"],
    ["/api/v1/audit?cursor=%00", "the query string holds a NUL byte (%00)"],
    ["/api/v1/audit?q=%01", "the query string holds a control character"],
    ["/login?next=%ff", "the query string is not valid UTF-8 once percent-decoded (or encodes a lone surrogate)"],
    ["/login?next=%", "the query string has invalid percent-encoding (a % not followed by two hex digits)"],
    ["/caf\u00e9", "the path has a character that must be percent-encoded"],
  ])("%s → 400 %s", (url, message) => {
    expect(screen("GET", url)).toEqual({ status: 400, code: "bad_request", message });
  });

  it("takes percent-encoded UTF-8, and tab, LF and CR in a query (form text carries them)", () => {
    expect(screen("GET", "/secrets/caf%C3%A9")).toBeNull();
    expect(screen("GET", "/api/v1/namespaces/default/secrets?filter=label%3D%F0%9F%94%91")).toBeNull();
    expect(screen("GET", "/login?next=/%09/evil.example/x")).toBeNull();
    expect(screen("GET", "/login?next=%0d%0a")).toBeNull();
  });

  it("refuses targets that are not a path", () => {
    expect(screen("GET", "http://evil.example/")).toMatchObject({ status: 400 });
    expect(screen("OPTIONS", "*")).toMatchObject({ status: 400 });
    expect(screen("GET", "//evil.example/")).toMatchObject({ status: 400 });
  });

  it("checks the whole part, not only its start", () => {
    expect(targetProblem("a".repeat(5000) + "%00", "the path")).toBe("the path holds a NUL byte (%00)");
    expect(targetProblem("", "the query string")).toBeNull();
  });
});

describe("screenRequest: cross-origin form posts and server actions", () => {
  it.each(["http://evil.example", "http://coffer.example:3001", "https://coffer.example", "null", "not a url"])(
    "refuses Origin %s with 403",
    (origin) => {
      expect(screen("POST", "/login", { origin, "next-action": "60e1" })).toEqual({
        status: 403,
        code: "forbidden",
        message: "cross-origin request refused: Origin does not match the host",
      });
    },
  );

  it("takes the same host, and a post without Origin (not a browser; Next.js decides)", () => {
    expect(screen("POST", "/secrets", { origin: "https://coffer.example:3000" })).toBeNull();
    expect(screen("POST", "/secrets")).toBeNull();
  });

  it("compares with X-Forwarded-Host only behind a trusted proxy", () => {
    const behindProxy = { origin: "https://vault.example", "x-forwarded-host": "vault.example, inner" };
    expect(screen("POST", "/login", behindProxy, true)).toBeNull();
    expect(screen("POST", "/login", behindProxy, false)).toMatchObject({ status: 403 });
  });

  it("leaves API routes to their bearer tokens", () => {
    expect(screen("POST", "/api/v1/namespaces", { origin: "http://evil.example" })).toBeNull();
  });
});

describe("rejection responses", () => {
  const rejection = { status: 405, code: "method_not_allowed", message: "TRACE is not allowed here", headers: { Allow: "GET" } };

  it("are JSON, or a line of text for a browser", () => {
    expect(rejectionBody(rejection, "application/json")).toEqual({
      type: "application/json",
      body: '{"error":{"code":"method_not_allowed","message":"TRACE is not allowed here"}}',
    });
    expect(rejectionBody(rejection, "text/html,application/xhtml+xml")).toEqual({
      type: "text/plain; charset=utf-8",
      body: "405 TRACE is not allowed here\n",
    });
  });

  it("have Vault's shape under /v1, even for a browser", () => {
    for (const accept of ["application/json", "text/html", undefined]) {
      expect(rejectionBody(rejection, accept, "/v1/secret/data/db?version=2")).toEqual({
        type: "application/json",
        body: '{"errors":["TRACE is not allowed here"]}',
      });
    }
    expect(rejectionBody(rejection, undefined, "/v1x").body).toContain('"error":{');
    expect(rawResponse(rejection, "/v1/sys/health")).toContain('\r\n\r\n{"errors":["TRACE is not allowed here"]}');
  });

  it("can be written straight to a socket", () => {
    const raw = rawResponse(rejection);
    expect(raw.startsWith("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\n")).toBe(true);
    expect(raw).toContain("\r\nConnection: close\r\n\r\n{");
  });
});
