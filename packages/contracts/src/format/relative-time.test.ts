import { describe, expect, it } from "vitest";
import { absoluteTime, humanDuration, refreshDelay, relativeTime, timeAgo } from "./relative-time";

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

describe("relativeTime (the console's words)", () => {
  const now = Date.parse("2026-12-01T20:27:43Z");
  const at = (ms: number) => new Date(now + ms).toISOString();

  // Regression: right after a rotation the secret page said "Updated at …
  // (in 13 seconds)": the browser's clock ran behind the server's, so the
  // rotation's own time looked ahead. A past event never reads "in …".
  it("says 'just now' for an event ahead of the browser's clock (clock skew), never 'in N seconds'", () => {
    expect(relativeTime(at(13 * s), now)).toBe("just now");
    expect(relativeTime(at(59 * s), now)).toBe("just now");
    expect(relativeTime(at(500), now)).toBe("just now");
    expect(relativeTime(at(13 * s), now)).not.toMatch(/^in /);
  });

  it("words the past in lower case, to read inside a sentence ('Checked less than …' was capitalised mid-sentence)", () => {
    expect(relativeTime(at(0), now)).toBe("just now");
    expect(relativeTime(at(-1 * s), now)).toBe("1 second ago");
    expect(relativeTime(at(-13 * s), now)).toBe("13 seconds ago");
    expect(relativeTime(at(-90 * s), now)).toBe("about a minute ago");
    expect(relativeTime(at(-60 * m), now)).toBe("about an hour ago");
    expect(relativeTime(at(-3 * d), now)).toBe("3 days ago");
  });

  it("says 'in …' only for a time the caller says may lie ahead", () => {
    expect(relativeTime(at(3 * d), now, { future: true })).toBe("in 3 days");
    expect(relativeTime(at(30 * s), now, { future: true })).toBe("in 30 seconds");
    expect(relativeTime(at(90 * s), now, { future: true })).toBe("in about a minute");
    expect(relativeTime(at(200), now, { future: true })).toBe("just now");
    // An expiry that has passed reads like any past time.
    expect(relativeTime(at(-2 * h), now, { future: true })).toBe("2 hours ago");
  });

  it("shows an unparseable time as given", () => {
    expect(relativeTime("soon", now)).toBe("soon");
  });
});

describe("refreshDelay", () => {
  const now = Date.parse("2026-12-01T20:27:43Z");
  const at = (ms: number) => new Date(now + ms).toISOString();

  it("ticks every second while seconds show, then less often", () => {
    expect(refreshDelay(at(-5 * s), now)).toBe(1000);
    expect(refreshDelay(at(30 * s), now)).toBe(1000);
    expect(refreshDelay(at(-10 * m), now)).toBe(15 * s);
    expect(refreshDelay(at(-5 * h), now)).toBe(5 * m);
    expect(refreshDelay(at(-9 * d), now)).toBe(h);
    expect(refreshDelay("soon", now)).toBe(h);
  });
});
