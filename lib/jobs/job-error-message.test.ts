import { describe, expect, it } from "vitest";
import { DecryptionError, KmsUnavailableError, UnknownKeyError } from "../crypto";
import { BadRequest } from "../errors";
import { jobErrorMessage } from "./job-error-message";

describe("jobErrorMessage", () => {
  it("passes the messages written to be shown, first line only", () => {
    expect(jobErrorMessage(new UnknownKeyError("old", "secret abc"))).toBe(
      'key "old" is not in the keyring (secret abc); add it back to the keyring to read this data',
    );
    expect(jobErrorMessage(new DecryptionError("abc", 2))).toMatch(/^cannot decrypt secret abc version 2/);
    expect(jobErrorMessage(new KmsUnavailableError("kms1", "/run/kms.sock", "timeout"))).toContain("kms1");
    expect(jobErrorMessage(new BadRequest("line one\nline two"))).toBe("line one");
  });

  it("reduces anything else to its class name", () => {
    expect(jobErrorMessage(new RangeError("row value CANARY-7d1f3b"))).toBe("unexpected RangeError; the details are in the server log");
    expect(jobErrorMessage("CANARY-7d1f3b")).toBe("unexpected string; the details are in the server log");
  });

  it("caps the length", () => {
    expect(jobErrorMessage(new BadRequest("x".repeat(2_000)))).toHaveLength(500);
  });
});
