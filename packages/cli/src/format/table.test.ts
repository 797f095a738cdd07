import { describe, expect, it } from "vitest";
import { humanSize } from "../../../contracts/src/format/size";
import { renderTable } from "./table";

describe("renderTable", () => {
  it("lays out columns like docker secret ls (min width 10, padding 3, last column unpadded)", () => {
    const out = renderTable(
      ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"],
      [["afrubazrzcsnqn7epfi57jibs", "my-secret", "", "3 minutes ago", "3 minutes ago"]],
    );
    // The exact lines of `docker secret ls` in the Swarm tutorial.
    expect(out).toBe(
      "ID                          NAME        DRIVER    CREATED         UPDATED\n" +
        "afrubazrzcsnqn7epfi57jibs   my-secret             3 minutes ago   3 minutes ago\n",
    );
  });

  it("prints only the header for no rows", () => {
    expect(renderTable(["ID", "NAME"], [])).toBe("ID        NAME\n");
  });
});

describe("humanSize", () => {
  it.each([
    [0, "0B"],
    [34, "34B"],
    [999, "999B"],
    [1500, "1.5kB"],
    [123456, "123.5kB"],
    [1048576, "1.049MB"],
  ])("%d bytes is %s", (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});
