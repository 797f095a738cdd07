import { describe, expect, it } from "vitest";
import { UsageError } from "../errors";
import { rotationBody } from "./rotation-set";
import { rotationPath } from "./rotation-types";

describe("coffer secret rotation set", () => {
  it("sends the interval and the generator, with the defaults the server documents", () => {
    expect(rotationBody({ every: "30d" })).toEqual({ every: "30d", generator: { length: 32, alphabet: "base64" } });
    expect(rotationBody({ every: "1h", length: "48", alphabet: "hex", key: "token" })).toEqual({
      every: "1h",
      generator: { length: 48, alphabet: "hex", key: "token" },
    });
  });

  it("sends a rotator with its admin secret's name and both roles", () => {
    expect(rotationBody({ every: "7d", rotator: "postgresql", admin: "db-admin", roles: "app_blue, app_green" })).toEqual({
      every: "7d",
      generator: { length: 32, alphabet: "base64" },
      rotator: { kind: "postgresql", admin: "db-admin", roles: ["app_blue", "app_green"] },
    });
  });

  it("refuses a missing interval or a rotator without its admin and roles before calling the server", () => {
    expect(() => rotationBody({})).toThrow(UsageError);
    expect(() => rotationBody({ every: "1d", rotator: "postgresql" })).toThrow(/needs "--admin" and "--roles"/);
    expect(() => rotationBody({ every: "1d", admin: "x" })).toThrow(/need "--rotator"/);
    expect(() => rotationBody({ every: "1d", length: "many" })).toThrow(/--length/);
  });

  it("reads NS/NAME, or NAME in the namespace flag", () => {
    expect(rotationPath("prod/db", {}, {})).toBe("/api/v1/namespaces/prod/secrets/db/rotation");
    expect(rotationPath("db", { namespace: "staging" }, {}, "run")).toBe("/api/v1/namespaces/staging/secrets/db/rotation/run");
  });
});
