import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeKey } from "./base64";

describe("decodeKey", () => {
  const key = randomBytes(32);

  it("decodes 32 bytes of padded base64, with surrounding whitespace as files have", () => {
    expect(decodeKey(key.toString("base64"))?.equals(key)).toBe(true);
    expect(decodeKey(` ${key.toString("base64")}\n`)?.equals(key)).toBe(true);
  });

  it("refuses what Buffer.from would silently half-decode", () => {
    const text = key.toString("base64");
    expect(decodeKey(`${text.slice(0, 10)}!${text.slice(10)}`)).toBeUndefined();
    expect(decodeKey(`${text.slice(0, 10)} ${text.slice(10)}`)).toBeUndefined();
    expect(decodeKey(text.replace("=", ""))).toBeUndefined();
    expect(decodeKey(key.toString("hex"))).toBeUndefined();
    expect(decodeKey(randomBytes(33).toString("base64"))).toBeUndefined();
  });

  it("leaves other lengths to decodeBase64", () => {
    expect(decodeBase64("")).toEqual(Buffer.alloc(0));
    expect(decodeBase64("AAE=")).toEqual(Buffer.from([0, 1]));
    expect(decodeBase64("-_8=")).toBeUndefined();
  });
});
