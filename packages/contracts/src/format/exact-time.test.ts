// Three date styles appeared in the console ("2026-12-01 20:27:43 UTC",
// "Tue, 01 Dec 2026 … GMT" from toUTCString, and relative text alone):
// exactTime is the one absolute format.
import { describe, expect, it } from "vitest";
import { exactTime } from "./exact-time";

describe("exactTime", () => {
  it("writes UTC to the second, whatever the offset of the input", () => {
    expect(exactTime("2026-12-01T20:27:43.512Z")).toBe("2026-12-01 20:27:43 UTC");
    expect(exactTime("2026-12-01T22:27:43+02:00")).toBe("2026-12-01 20:27:43 UTC");
    expect(exactTime(new Date(Date.UTC(2026, 11, 1, 20, 27, 43)))).toBe("2026-12-01 20:27:43 UTC");
  });

  it("shows an unparseable time as given rather than 'Invalid Date'", () => {
    expect(exactTime("soon")).toBe("soon");
  });
});
