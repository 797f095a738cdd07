// Forms with a new password typed twice answered a mismatch alone, so a
// password that was also too short came back only on the next submit.
import { describe, expect, it } from "vitest";
import { mismatchErrors, newPasswordProblem } from "./new-password-errors";

describe("mismatchErrors", () => {
  it("answers a mismatch and a short password together", () => {
    expect(mismatchErrors("short", "shorter")).toEqual({
      password: "password must be at least 12 characters",
      confirm: "the two passwords do not match",
    });
  });

  it("answers a mismatch alone when the password itself is fine", () => {
    expect(mismatchErrors("a long enough password", "a long enough passwort")).toEqual({ confirm: "the two passwords do not match" });
  });

  it("leaves two equal passwords to lib", () => {
    expect(mismatchErrors("short", "short")).toBeNull();
  });
});

describe("newPasswordProblem", () => {
  it("words the length rules as lib does", () => {
    expect(newPasswordProblem("")).toBe("password is required");
    expect(newPasswordProblem("x".repeat(257))).toBe("password is too long");
    expect(newPasswordProblem("x".repeat(12))).toBeUndefined();
  });
});
