import { describe, expect, it } from "vitest";
import { expiresAtAfter, expiresInDaysSchema } from "./expires-in-days";

const now = new Date("2026-01-01T12:00:00Z");

describe("expiresAtAfter", () => {
  it("counts whole days of 24 hours from now, and null lifetimes never expire", () => {
    expect(expiresAtAfter(1, now)?.toISOString()).toBe("2026-01-02T12:00:00.000Z");
    expect(expiresAtAfter(90, now)?.toISOString()).toBe("2026-04-01T12:00:00.000Z");
    expect(expiresAtAfter(null, now)).toBeNull();
  });
});

describe("expiresInDaysSchema", () => {
  it("takes the given default when left out, and keeps null as never", () => {
    expect(expiresInDaysSchema(90).parse(undefined)).toBe(90);
    expect(expiresInDaysSchema(365).parse(null)).toBeNull();
    expect(expiresInDaysSchema(90).safeParse(0).success).toBe(false);
  });
});
