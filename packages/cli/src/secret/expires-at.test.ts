import { describe, expect, it } from "vitest";
import { UsageError } from "../errors";
import { expiresAtValue } from "./expires-at";

const NOW = new Date("2026-12-02T10:00:00.000Z");
const at = (raw: string) => expiresAtValue(raw, "secret create", NOW);

describe("--expires-at", () => {
  it("counts +N units from now", () => {
    expect(at("+30d")).toBe("2027-01-01T10:00:00.000Z");
    expect(at("+12h")).toBe("2026-12-02T22:00:00.000Z");
    expect(at("+90m")).toBe("2026-12-02T11:30:00.000Z");
    expect(at("+2w")).toBe("2026-12-16T10:00:00.000Z");
  });

  it("takes a date as midnight UTC and a time with its offset, sent in UTC", () => {
    expect(at("2027-01-31")).toBe("2027-01-31T00:00:00.000Z");
    expect(at("2027-01-31T12:00:00Z")).toBe("2027-01-31T12:00:00.000Z");
    expect(at("2027-01-31T12:00+02:00")).toBe("2027-01-31T10:00:00.000Z");
  });

  it("refuses what it cannot read, naming the flag", () => {
    for (const bad of ["30d", "+30", "+30y", "tomorrow", "2027-02-31", "2027-01-31T12:00:00", "", "+-3d"]) {
      expect(() => at(bad), bad).toThrow(UsageError);
      expect(() => at(bad), bad).toThrow(/--expires-at/);
    }
  });
});
