// Regression: no HSTS over https, and a forged X-Forwarded-Host
// was taken for our host (Auth.js and Next.js read it) without a proxy.
import { describe, expect, it } from "vitest";
import { HSTS, pinForwardedHeaders, requestHost, servedOverHttps } from "./transport-security";

const forged = () => ({
  host: "coffer.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  forwarded: "host=evil.example;proto=https",
  "x-forwarded-for": "203.0.113.9",
});

describe("HSTS", () => {
  it("is sent over our own TLS", () => {
    expect(servedOverHttps(true, {}, false)).toBe(true);
  });

  it("is sent when a trusted proxy says https, and only then", () => {
    expect(servedOverHttps(false, { "x-forwarded-proto": "https" }, true)).toBe(true);
    expect(servedOverHttps(false, { "x-forwarded-proto": "HTTPS, http" }, true)).toBe(true);
    expect(servedOverHttps(false, { "x-forwarded-proto": "https" }, false)).toBe(false);
    expect(servedOverHttps(false, { "x-forwarded-proto": "http" }, true)).toBe(false);
    expect(servedOverHttps(false, {}, true)).toBe(false);
  });

  it("lasts two years", () => {
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("forwarding headers", () => {
  it("are dropped without a trusted proxy, and the client address is the socket's", () => {
    const headers = forged();
    pinForwardedHeaders(headers, false, "198.51.100.7");
    expect(headers).toEqual({ host: "coffer.example", "x-forwarded-for": "198.51.100.7" });
    expect(requestHost(headers, false)).toBe("coffer.example");
  });

  it("are kept behind a trusted proxy", () => {
    const headers = forged();
    pinForwardedHeaders(headers, true, "10.0.0.2");
    expect(headers).toEqual(forged());
    expect(requestHost(headers, true)).toBe("evil.example");
  });

  it("never make X-Forwarded-Host the host unless trusted", () => {
    expect(requestHost(forged(), false)).toBe("coffer.example");
  });
});
