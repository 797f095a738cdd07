// Issue 11 finding 7: text PostgreSQL cannot store (NUL, lone surrogates) and
// integers past its columns are refused at input, naming the field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { INT4_MAX, parseInput, textProblem, unstorableText, wholeNumber } from "./parse-input";

describe("input the database could not store", () => {
  it("is found in keys and values at any depth, named by its path", () => {
    expect(textProblem("fine ✓ 🔑")).toBeNull();
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("a\u0000b", { allowNul: true })).toBeNull();
    expect(textProblem("\ud83d\udd11")).toBeNull();
    expect(textProblem("\ud83d")).toMatch(/lone surrogate/);
    expect(textProblem("x\udd11")).toMatch(/lone surrogate/);

    expect(unstorableText({ labels: { env: "pr\u0000od" } })).toBe("labels.env must not contain NUL (\\u0000) characters");
    expect(unstorableText({ labels: { ["e\u0000"]: "x" } })).toMatch(/^a key in labels must not contain NUL/);
    expect(unstorableText({ roles: ["ok", "\ud800"] })).toMatch(/^roles\.1 must be valid Unicode/);
    expect(unstorableText({ data: new Map([["k", "\u0000"]]) })).toMatch(/^data\.k /);
    // Bytes are opaque: a secret value may hold any byte.
    expect(unstorableText({ data: new Map([["k", Buffer.from([0])]]) })).toBeNull();
    let deep: unknown = "x";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(unstorableText({ deep })).toMatch(/nested too deeply/);
  });

  it("fails parseInput after the schema passes, with a 400 naming the field", () => {
    const schema = z.object({ description: z.string() });
    expect(() => parseInput(schema, { description: "a\u0000" })).toThrow("description must not contain NUL");
  });

  it("bounds whole numbers from JSON and from query strings", () => {
    const version = z.object({ version: wholeNumber("version", 1, INT4_MAX) });
    expect(parseInput(version, { version: 7 })).toEqual({ version: 7 });
    expect(parseInput(version, { version: "7" })).toEqual({ version: 7 });
    for (const bad of [2 ** 31, 0, 1.5, "1e3", "0x10", "", "abc", null, Number.NaN, "99999999999999999999"]) {
      expect(() => parseInput(version, { version: bad }), String(bad)).toThrow("version must be a whole number from 1 to 2147483647");
    }
  });
});
