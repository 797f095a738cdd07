import { describe, expect, it } from "vitest";
import { credentialPrefix, rejectionWindowMs, sourceKey, windowStartOf } from "./credential-rejections";

describe("credential rejection keys", () => {
  it("keep only the first characters of a token, or say why not", () => {
    // The aggregate never stores or logs the full token.
    const token = `cfp_${"x".repeat(43)}`;
    expect(credentialPrefix(token)).toBe("cfp_xxxx");
    expect(credentialPrefix("abc")).toBe("abc");
    expect(credentialPrefix(null)).toBe("none");
    expect(credentialPrefix("")).toBe("none");
    // Whatever could not be a token is not echoed into the trail.
    expect(credentialPrefix("cfp_\u00e9t\u00e9")).toBe("malformed");
    expect(credentialPrefix("cfp_a\u0000b")).toBe("malformed");
    expect(credentialPrefix("<script>")).toBe("malformed");
  });

  it("bound the source and align windows", () => {
    // Repeated failures within one window share one key.
    expect(sourceKey(null)).toBe("unknown");
    expect(sourceKey("1".repeat(500))).toHaveLength(64);
    const length = rejectionWindowMs();
    const start = windowStartOf(new Date(10 * length + 1234));
    expect(start.getTime()).toBe(10 * length);
    expect(windowStartOf(new Date(11 * length - 1))).toEqual(start);
    expect(windowStartOf(new Date(11 * length)).getTime()).toBe(11 * length);
  });
});
