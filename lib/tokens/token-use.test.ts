import { describe, expect, it } from "vitest";
import { lapsed, shouldRecordUse } from "./token-use";

const now = new Date("2026-01-01T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("lapsed", () => {
  it("names revocation before expiry, and an expiry at this very moment as passed", () => {
    expect(lapsed({ revokedAt: at(-5), expiresAt: at(-10) }, now)).toBe("revoked");
    expect(lapsed({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(lapsed({ revokedAt: null, expiresAt: at(1) }, now)).toBeNull();
    expect(lapsed({ revokedAt: null, expiresAt: null }, now)).toBeNull();
  });
});

describe("shouldRecordUse", () => {
  it("writes a first use, and later ones at most once a minute", () => {
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(at(-60), now)).toBe(false);
    expect(shouldRecordUse(at(-61), now)).toBe(true);
  });
});
