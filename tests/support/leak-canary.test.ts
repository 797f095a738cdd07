import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assertNoLeak, CANARY } from "./leak-canary";

// The leak tests are only as good as this check, so it is tested too.
describe("assertNoLeak", () => {
  const key = randomBytes(32);

  it("finds a secret in the message, a property or the cause, in utf8, base64 or hex", () => {
    expect(() => assertNoLeak(new Error(`value ${CANARY}`), CANARY)).toThrow(/leak/);
    expect(() => assertNoLeak(Object.assign(new Error("x"), { detail: key.toString("hex") }), key)).toThrow(/leak/);
    expect(() => assertNoLeak(new Error("x", { cause: new Error(key.toString("base64")) }), key)).toThrow(/leak/);
  });

  it("passes an error that names only metadata", () => {
    expect(() => assertNoLeak(new Error("secret abc version 2: cannot decrypt"), CANARY, key)).not.toThrow();
  });
});
