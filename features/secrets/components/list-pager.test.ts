import { describe, expect, it } from "vitest";
import { rangeText } from "./list-pager";

describe("rangeText", () => {
  it("names the range and the exact total below the count's cap", () => {
    expect(rangeText({ noun: "secrets", total: 250, offset: 100, shown: 100 })).toBe("101–200 of 250 secrets");
    expect(rangeText({ noun: "secrets", total: 0, offset: 0, shown: 0 })).toBe("0 of 0 secrets");
  });

  it("says 10,000+ when the count stopped at its cap", () => {
    expect(rangeText({ noun: "secrets", total: 10_000, totalCapped: true, offset: 0, shown: 100 })).toBe("1–100 of 10,000+ secrets");
  });

  it("does not invent a position past the cap", () => {
    expect(rangeText({ noun: "secrets", total: 10_000, totalCapped: true, offset: 10_000, offsetCapped: true, shown: 100 })).toBe(
      "100 after the first 10,000 of 10,000+ secrets",
    );
  });
});
