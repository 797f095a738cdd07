import { describe, expect, it } from "vitest";
import { takeApprovalFlags } from "./approval-flags";
import { runCli } from "./test-support/run-cli";

describe("takeApprovalFlags", () => {
  it("takes --reason and --wait wherever they stand before --, and leaves the rest in order", () => {
    expect(takeApprovalFlags(["--reason", "OPS-12 restore", "secret", "rm", "db", "--wait", "-n", "prod"])).toEqual({
      argv: ["secret", "rm", "db", "-n", "prod"],
      approval: { reason: "OPS-12 restore", wait: true },
    });
    expect(takeApprovalFlags(["secret", "reveal", "prod/db", "--reason=  why  "])).toEqual({
      argv: ["secret", "reveal", "prod/db"],
      approval: { reason: "why" },
    });
  });

  it("leaves everything after -- to the command being run", () => {
    expect(takeApprovalFlags(["run", "--service", "web", "--", "sh", "-c", "x", "--wait", "--reason", "r"])).toEqual({
      argv: ["run", "--service", "web", "--", "sh", "-c", "x", "--wait", "--reason", "r"],
      approval: {},
    });
  });

  it("refuses a --reason without a value, an empty one and one over 500 characters", () => {
    expect(() => takeApprovalFlags(["secret", "rm", "db", "--reason"])).toThrow("flag needs an argument: --reason");
    expect(() => takeApprovalFlags(["--reason", "--wait", "secret", "rm", "db"])).toThrow("flag needs an argument: --reason");
    expect(() => takeApprovalFlags(["--reason", "   ", "secret", "rm", "db"])).toThrow("--reason must say why");
    expect(() => takeApprovalFlags(["--reason", "x".repeat(501)])).toThrow("at most 500");
  });
});

describe("coffer --help", () => {
  it("lists the global approval flags", async () => {
    const { stdout } = await runCli(["--help"]);
    expect(stdout).toMatch(/\n {6}--reason string +Why, when the action needs a second person's approval: requests it\n/);
    expect(stdout).toMatch(/\n {6}--wait +Wait for that approval, then carry on\n/);
  });

  it("does not let a command's own parser see the global flags", async () => {
    // Without the server the command stops at "no server", not at "unknown flag: --reason".
    const result = await runCli(["secret", "rm", "db", "--reason", "cleanup", "--wait"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^no Coffer server configured/);
  });
});
