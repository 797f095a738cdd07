// Regression: text PostgreSQL cannot store (NUL, lone surrogates) and
// integers past its columns were a 500; they are refused at input, naming
// the field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BadRequest } from "../errors";
import { labelsField } from "../secrets/secret-rules";
import { INT4_MAX, issuesBadRequest, parseInput, textProblem, unstorableField, unstorableText, wholeNumber } from "./parse-input";

function refusal(run: () => unknown): BadRequest {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequest) return error;
    throw error;
  }
  throw new Error("expected a BadRequest");
}

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

// A form showed only the first zod issue: the message named one field and
// the rest stayed hidden until that one was fixed. Every issue's path now
// rides on the error, while the message (what the API answers) is unchanged.
describe("the fields a refused input names", () => {
  const schema = z.object({
    name: z.string().regex(/^[a-z]+$/, "name must be lowercase letters"),
    description: z.string().max(3, "is at most 3 characters"),
    labels: labelsField,
    version: wholeNumber("version", 1, 9),
  });

  it("puts every issue's path on the error and keeps the first issue as the message", () => {
    const error = refusal(() => parseInput(schema, { name: "Ab", description: "long", labels: { "bad key!": "x" }, version: 0 }));
    expect(error.message).toBe("name must be lowercase letters");
    expect(error.fields).toEqual({
      name: "name must be lowercase letters",
      description: "description: is at most 3 characters",
      labels: "labels: label key 'bad key!' must be 1-63 characters of letters, digits, '.', '_', '/' or '-'",
      version: "version must be a whole number from 1 to 9",
    });
  });

  it("words each field's message as the API words the first: the path in front unless the message opens with the field", () => {
    const error = refusal(() => parseInput(schema, { name: "ok", description: "long", labels: { env: 7 }, version: 1 }));
    expect(error.message).toBe("description: is at most 3 characters");
    expect(error.fields).toEqual({
      description: "description: is at most 3 characters",
      "labels.env": "labels.env: label values must be strings",
    });
  });

  it("keeps the first message of a path that has several issues, and a `__proto__` key as a path", () => {
    const twice = z.object({
      name: z
        .string()
        .min(3, "name is too short")
        .regex(/^[a-z]+$/, "name must be lowercase letters"),
    });
    expect(refusal(() => parseInput(twice, { name: "A" })).fields).toEqual({ name: "name is too short" });
    const keyed = z
      .unknown()
      .superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: "__proto__ is not allowed", path: ["__proto__"] }));
    const error = refusal(() => parseInput(keyed, {}));
    expect(Object.keys(error.fields!)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(error.fields)).toBe(Object.prototype);
  });

  it("names the field of text the database could not store, and none for the input itself", () => {
    expect(refusal(() => parseInput(z.object({ labels: labelsField }), { labels: { env: "a\u0000" } })).fields).toEqual({
      "labels.env": "labels.env must not contain NUL (\\u0000) characters",
    });
    expect(unstorableField({ labels: { ["e\u0000"]: "x" } })?.path).toBe("labels");
    expect(refusal(() => parseInput(z.string(), "a\u0000")).fields).toBeUndefined();
  });

  it("answers the API exactly as before: the body carries the message, not the fields", () => {
    const error = refusal(() => parseInput(schema, { name: "Ab", description: "long", labels: {}, version: 1 }));
    expect(JSON.parse(JSON.stringify({ error: { code: error.code, message: error.message } }))).toEqual({
      error: { code: "bad_request", message: "name must be lowercase letters" },
    });
  });

  it("keeps a schema's own words in issuesBadRequest, with every path", () => {
    const parsed = z
      .object({ email: z.string({ error: "email is required" }), password: z.string({ error: "password is required" }) })
      .safeParse({});
    const error = issuesBadRequest(parsed.error!);
    expect(error.message).toBe("email is required");
    expect(error.fields).toEqual({ email: "email is required", password: "password is required" });
  });
});
