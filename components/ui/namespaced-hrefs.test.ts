import { describe, expect, it } from "vitest";
import { namespacedHrefs } from "./namespaced-hrefs";

const secrets = namespacedHrefs("/secrets");

describe("console addresses in a namespace", () => {
  it("puts the namespace and the notices that are set in the query", () => {
    expect(secrets.list("default")).toBe("/secrets?ns=default");
    expect(secrets.list("default", { created: "db", gone: undefined, empty: "" })).toBe("/secrets?ns=default&created=db");
  });

  it("escapes an item's name in the path and the namespace in the query", () => {
    expect(secrets.item("a&b", "a b/c", { tab: "versions" })).toBe("/secrets/a%20b%2Fc?ns=a%26b&tab=versions");
    expect(secrets.page("deleted", "staging")).toBe("/secrets/deleted?ns=staging");
  });
});
