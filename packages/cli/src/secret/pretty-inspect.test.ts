import { describe, expect, it } from "vitest";
import { prettyInspect } from "./pretty-inspect";
import type { SecretDetail } from "./types";

const secret: SecretDetail = {
  id: "afrubazrzcsnqn7epfi57jibs",
  name: "my-secret",
  namespace: "default",
  type: "Opaque",
  labels: { env: "PROD", date: "20220901", legacy: "" },
  immutable: false,
  version: 3,
  createdAt: "2022-09-07T11:46:24.211Z",
  updatedAt: "2022-09-08T08:00:00.000Z",
  keys: [
    { name: "value", size: 45 },
    { name: "extra", size: 1 },
  ],
  sizeBytes: 46,
  lastReadAt: null,
  stale: false,
  versions: [],
  inspect: {
    ID: "afrubazrzcsnqn7epfi57jibs",
    Version: { Index: 899 },
    CreatedAt: "2022-09-07T11:46:24.211Z",
    UpdatedAt: "2022-09-08T08:00:00.000Z",
    Spec: { Name: "my-secret", Labels: {} },
  },
  boundServices: [],
  reads: [],
};

describe("prettyInspect", () => {
  it("prints docker's --pretty block, then Coffer's type, version, immutability and keys", () => {
    expect(prettyInspect(secret)).toBe(
      [
        "ID:                afrubazrzcsnqn7epfi57jibs",
        "Name:              my-secret",
        "Namespace:         default",
        "Labels:",
        " - date=20220901",
        " - env=PROD",
        " - legacy",
        "Driver:",
        "Created at:        2022-09-07 11:46:24.211 +0000 UTC",
        "Updated at:        2022-09-08 08:00:00.000 +0000 UTC",
        "Type:              Opaque",
        "Version:           3",
        "Immutable:         false",
        "Keys:",
        " - value (45 bytes)",
        " - extra (1 byte)",
        "",
      ].join("\n"),
    );
  });

  it("leaves out Labels: when there are none, as docker does", () => {
    expect(prettyInspect({ ...secret, labels: {} })).not.toContain("Labels:");
  });
});
