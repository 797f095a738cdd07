import { describe, expect, it } from "vitest";
import { absoluteTime, humanDuration, timeAgo } from "./relative-time";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (docker's units.HumanDuration)", () => {
  it.each([
    [0, "Less than a second"],
    [-5 * s, "Less than a second"],
    [1 * s, "1 second"],
    [59 * s, "59 seconds"],
    [60 * s, "About a minute"],
    [119 * s, "About a minute"],
    [3 * m, "3 minutes"],
    [59 * m, "59 minutes"],
    [60 * m, "About an hour"],
    [89 * m, "About an hour"],
    [90 * m, "2 hours"],
    [47 * h, "47 hours"],
    [48 * h, "2 days"],
    [13 * d, "13 days"],
    [14 * d, "2 weeks"],
    [59 * d, "8 weeks"],
    [60 * d, "2 months"],
    [729 * d, "24 months"],
    [730 * d, "2 years"],
  ])("%d ms is %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe("timeAgo", () => {
  it("adds ago to the distance from now", () => {
    const now = new Date("2024-05-01T12:00:00Z");
    expect(timeAgo("2024-05-01T11:58:30Z", now)).toBe("About a minute ago");
    expect(timeAgo("2024-05-01T10:00:00Z", now)).toBe("2 hours ago");
    expect(timeAgo("2024-04-28T12:00:00Z", now)).toBe("3 days ago");
  });

  it("shows an unparseable time as given", () => {
    expect(timeAgo("soon", new Date())).toBe("soon");
  });
});

describe("absoluteTime", () => {
  it("prints UTC like Go's time.Time in docker's --pretty", () => {
    expect(absoluteTime("2022-09-07T11:46:24.211Z")).toBe("2022-09-07 11:46:24.211 +0000 UTC");
    expect(absoluteTime("2022-09-07T13:46:24.211+02:00")).toBe("2022-09-07 11:46:24.211 +0000 UTC");
  });
});
