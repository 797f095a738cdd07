// Regression: `/login?next=/%09/evil.example/x` sent the browser to
// another origin after sign-in (browsers drop the tab), and `%0a`/`%0d` in
// `next` answered 500 (a newline in the Location header).
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const ORIGIN = "https://coffer.example:8443";

// [input, expected] — every input here is what a decoded `next` can hold.
const table: [unknown, string][] = [
  ["/secrets?ns=default", "/secrets?ns=default"],
  ["/secrets/db_password#versions", "/secrets/db_password#versions"],
  ["secrets", "/secrets"],
  ["/\t/evil.example/x", "/"],
  ["/\n/evil.example/x", "/"],
  ["/\r\n/evil.example/x", "/"],
  ["\t//evil.example", "/"],
  ["/%09/evil.example/x", "/%09/evil.example/x"],
  ["//evil.example", "/"],
  ["///evil.example", "/"],
  ["/\\evil.example", "/"],
  ["\\\\evil.example", "/"],
  ["\\/evil.example", "/"],
  ["/.//evil.example", "/"],
  ["/x/..//evil.example", "/"],
  ["/%2f%2fevil.example", "/%2f%2fevil.example"],
  ["%2f%2fevil.example", "/%2f%2fevil.example"],
  ["javascript:alert(1)", "/"],
  ["JaVaScRiPt:alert(1)", "/"],
  [" javascript:alert(1)", "/"],
  ["java\tscript:alert(1)", "/"],
  ["javascript%3Aalert(1)", "/javascript%3Aalert(1)"],
  ["data:text/html,<script>alert(1)</script>", "/"],
  ["https://evil.example/x", "/"],
  // Same scheme as the base: a relative path, as browsers read it.
  ["https:evil.example", "/evil.example"],
  ["http:evil.example", "/"],
  ["http://coffer.example:8443/secrets", "/"],
  ["https://coffer.example/secrets", "/"],
  ["https://coffer.example:8443/secrets?x=1", "/secrets?x=1"],
  ["HTTPS://COFFER.EXAMPLE:8443/team", "/team"],
  ["https://user:pass@coffer.example:8443/team", "/team"],
  ["https://coffer.example:8443@evil.example/", "/"],
  ["/login?next=%0d%0aSet-Cookie:x=1", "/login?next=%0d%0aSet-Cookie:x=1"],
  ["/a\u0000b", "/a%00b"],
  ["/caf\u00e9", "/caf%C3%A9"],
  ["", "/"],
  ["   ", "/"],
  [null, "/"],
  [undefined, "/"],
  [42, "/"],
];

describe("sameOriginPath", () => {
  it.each(table)("%j → %j", (input, expected) => {
    expect(sameOriginPath(input, ORIGIN)).toBe(expected);
  });

  it("never returns anything a browser would read as another origin or a header break", () => {
    for (const [input] of table) {
      const path = sameOriginPath(input, ORIGIN);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      expect(path).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
    }
  });

  it("uses the given fallback", () => {
    expect(sameOriginPath("//evil.example", ORIGIN, "")).toBe("");
  });
});
