import { describe, expect, it } from "vitest";
import { quoteIdent, quoteLiteral } from "./postgres-quote";

describe("quoteIdent", () => {
  it("double-quotes a plain name, keeping its case", () => {
    expect(quoteIdent("app_blue")).toBe('"app_blue"');
    expect(quoteIdent("App")).toBe('"App"');
  });

  it("doubles an embedded quote so the name cannot end the identifier", () => {
    expect(quoteIdent('x" SUPERUSER --')).toBe('"x"" SUPERUSER --"');
    expect(quoteIdent('"')).toBe('""""');
  });

  it("refuses an empty name or NUL", () => {
    expect(() => quoteIdent("")).toThrow();
    expect(() => quoteIdent("a\0b")).toThrow();
  });
});

describe("quoteLiteral", () => {
  it("doubles single quotes and leaves backslashes alone (standard_conforming_strings)", () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("a\\b")).toBe("'a\\b'");
    expect(quoteLiteral("'; DROP ROLE x; --")).toBe("'''; DROP ROLE x; --'");
  });

  it("refuses NUL", () => {
    expect(() => quoteLiteral("a\0")).toThrow();
  });
});
