import { describe, expect, it } from "vitest";
import { memoryContext } from "../test-support/memory-context";
import { listOutput } from "./list-output";

const fields = { headers: { ID: "ID", Name: "NAME" }, defaultTable: "table {{.ID}}\t{{.Name}}" };
const items = [
  { id: "b", name: "db10" },
  { id: "a", name: "db2" },
];
const row = (item: { id: string; name: string }) => ({ fields: { ID: item.id, Name: item.name }, labels: {} });

describe("listOutput", () => {
  it("writes rows in docker's natural name order under the default table", () => {
    const { ctx, stdout } = memoryContext();
    listOutput(ctx, {}, fields).write(items, row);
    expect(
      stdout()
        .split("\n")
        .map((line) => line.split(/\s+/)[1]),
    ).toEqual(["NAME", "db2", "db10", undefined]);
  });

  it("prints only IDs with --quiet, warning when --format is given too", () => {
    const { ctx, stdout, stderr } = memoryContext();
    listOutput(ctx, { quiet: true, format: "{{.Name}}" }, fields).write(items, row);
    expect(stdout()).toBe("a\nb\n");
    expect(stderr()).toBe("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
  });

  it("refuses an unknown template field before anything is listed", () => {
    const { ctx } = memoryContext();
    expect(() => listOutput(ctx, { format: "{{.Nmae}}" }, fields)).toThrow();
  });
});
