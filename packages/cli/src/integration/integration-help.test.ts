import { describe, expect, it } from "vitest";
import { runCli } from "../test-support/run-cli";
import { expiryBody } from "./expiry-options";

describe("coffer integration help", () => {
  it("lists the integration commands", async () => {
    const result = await runCli(["integration", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\nUsage:  coffer integration COMMAND\n\nManage integrations/);
    for (const [name, summary] of [
      ["create", "Create an integration and print its token"],
      ["ls", "List integrations"],
      ["renew", "Replace an integration's token with a new one and print it"],
      ["revoke", "Revoke integrations"],
    ]) {
      expect(result.stdout).toMatch(new RegExp(`\\n {2}${name} +${summary}\\n`));
    }
  });

  it("shows a command's flags and the kinds it takes", async () => {
    const result = await runCli(["integration", "create", "--help"]);
    expect(result.stdout).toContain("Usage:  coffer integration create [OPTIONS] KIND NAME");
    expect(result.stdout).toMatch(/--expires-in-days int +Days until the token expires/);
    expect(result.stdout).toMatch(/--no-expiry +The token never expires/);
    expect(result.stdout).toContain("KIND is one of: docker-swarm, kubernetes-kms");
  });
});

describe("--expires-in-days and --no-expiry", () => {
  it("leave the default to the server, or ask for a number or for none", () => {
    expect(expiryBody({}, "integration renew")).toEqual({});
    expect(expiryBody({ "expires-in-days": "30" }, "integration renew")).toEqual({ expiresInDays: 30 });
    expect(expiryBody({ "no-expiry": true }, "integration renew")).toEqual({ expiresInDays: null });
    expect(() => expiryBody({ "expires-in-days": "1.5" }, "integration renew")).toThrow(/expected a whole number of days/);
    expect(() => expiryBody({ "expires-in-days": "3", "no-expiry": true }, "integration renew")).toThrow(/\[expires-in-days no-expiry\]/);
  });
});
