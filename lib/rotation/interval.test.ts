import { describe, expect, it } from "vitest";
import { formatInterval, parseInterval } from "./interval";

describe("parseInterval", () => {
  it("reads seconds, minutes, hours and days", () => {
    expect(parseInterval("60s")).toBe(60);
    expect(parseInterval("15m")).toBe(900);
    expect(parseInterval("12h")).toBe(43_200);
    expect(parseInterval("30d")).toBe(2_592_000);
    expect(parseInterval(" 7d ")).toBe(604_800);
  });

  it("refuses an interval under one minute", () => {
    expect(parseInterval("59s")).toMatch(/at least 1 minute/);
    expect(parseInterval("1s")).toMatch(/at least 1 minute/);
  });

  it("refuses what it cannot parse, naming the form it wants", () => {
    for (const bad of ["", "30", "d", "30w", "1.5h", "-1d", "0d", "30 days", "1d2h", "0x10m", "1e3s"])
      expect(parseInterval(bad), bad).toMatch(/whole number followed by s, m, h or d/);
  });

  it("refuses what does not fit the stored seconds", () => {
    expect(parseInterval("24856d")).toMatch(/at most/);
    expect(parseInterval("9999999999d")).toMatch(/at most/);
  });
});

describe("formatInterval", () => {
  it("names the largest exact unit, so a parsed interval reads back as written", () => {
    expect(formatInterval(2_592_000)).toBe("30d");
    expect(formatInterval(43_200)).toBe("12h");
    expect(formatInterval(900)).toBe("15m");
    expect(formatInterval(90)).toBe("90s");
    for (const every of ["1m", "36h", "7d", "61s"]) expect(formatInterval(parseInterval(every) as number)).toBe(every);
  });
});
