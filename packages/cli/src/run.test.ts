import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support/run-cli";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("coffer (top level)", () => {
  it("prints docker-style help for no arguments and --help", async () => {
    for (const argv of [[], ["--help"], ["-h"]]) {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\nUsage:  coffer \[OPTIONS\] COMMAND\n/);
      // Management commands in order; their padding follows the longest name too.
      expect(result.stdout).toMatch(
        /\nManagement Commands:\n {2}audit +Verify and export the audit trail\n {2}integration +Manage integrations \(Docker Swarm and Kubernetes KMS credentials\)\n {2}secret +Manage secrets\n {2}service +Manage services\n/,
      );
      // The padding follows the longest command name, which grows as commands are added.
      expect(result.stdout).toMatch(/\n {2}agent +Write a service's secrets into a directory and keep them current\n/);
      expect(result.stdout).toMatch(/\n {2}docker-plugin +Serve Docker Swarm's secret driver, taking values from Coffer\n/);
      expect(result.stdout).toMatch(/\n {2}login +Log in to a Coffer server\n/);
      expect(result.stdout).toMatch(/\n {2}run +Run a command with a service's secrets as files\n/);
    }
  });

  it("prints the package version", async () => {
    expect((await runCli(["--version"])).stdout).toBe(`coffer version ${version}\n`);
  });

  it("names an unknown command or flag and exits 1", async () => {
    expect(await runCli(["scret"])).toMatchObject({ code: 1, stderr: "coffer: 'scret' is not a coffer command.\nSee 'coffer --help'\n" });
    expect((await runCli(["--debug"])).stderr).toBe("coffer: unknown flag: --debug\nSee 'coffer --help'\n");
    expect((await runCli(["secret", "cat", "x"])).stderr).toMatch(/^coffer: 'cat' is not a coffer secret command\./);
  });
});

describe("coffer secret help", () => {
  it("lists the secret commands", async () => {
    const result = await runCli(["secret", "--help"]);
    expect(result.stdout).toMatch(
      /^\nUsage:  coffer secret COMMAND\n\nManage secrets\n\nCommands:\n  apply      Create or update secrets from a Kubernetes Secret manifest\n  create     Create a secret/,
    );
    expect(result.stdout).toContain("  rollback   ");
  });

  it("prints a command's usage, aliases and options for --help, even after other arguments", async () => {
    const result = await runCli(["secret", "ls", "--filter", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Usage:  coffer secret ls [OPTIONS]\n\nList secrets\n\nAliases:\n  coffer secret ls, coffer secret list\n",
    );
    expect(result.stdout).toContain("  -f, --filter filter      Filter output based on conditions provided\n");
    expect(result.stdout).toContain("  -q, --quiet              Only display IDs\n");
  });

  it("accepts docker's aliases list and remove", async () => {
    expect((await runCli(["secret", "list", "--help"])).stdout).toContain("Usage:  coffer secret ls");
    expect((await runCli(["secret", "remove", "--help"])).stdout).toContain("Usage:  coffer secret rm SECRET [SECRET...]");
  });

  it("shows the usage block for a wrong number of arguments, exit 1", async () => {
    const result = await runCli(["secret", "inspect"]);
    expect(result).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        '"coffer secret inspect" requires at least 1 argument.\n' +
        "See 'coffer secret inspect --help'.\n\n" +
        "Usage:  coffer secret inspect [OPTIONS] SECRET [SECRET...]\n\n" +
        "Display detailed information on one or more secrets\n",
    });
  });
});

describe("coffer service help", () => {
  it("lists the service commands and the token group", async () => {
    const result = await runCli(["service"]);
    expect(result.stdout).toMatch(
      /^\nUsage:  coffer service COMMAND\n\nManage services\n\nManagement Commands:\n  token   Manage the tokens/,
    );
    expect(result.stdout).toContain("Commands:\n  create    Create a new service\n  inspect   ");
    const tokens = await runCli(["service", "token", "--help"]);
    expect(tokens.stdout).toContain("Usage:  coffer service token COMMAND\n");
    expect(tokens.stdout).toContain("  create   Create a token for a service's agent\n");
  });

  it("prints a nested command's help and finds it by alias", async () => {
    expect((await runCli(["service", "token", "revoke", "--help"])).stdout).toContain(
      "Usage:  coffer service token rm SERVICE TOKEN_ID [TOKEN_ID...]\n\nRevoke tokens of a service\n\nAliases:\n" +
        "  coffer service token rm, coffer service token remove, coffer service token revoke\n",
    );
    const update = await runCli(["service", "update", "--help"]);
    expect(update.stdout).toContain("      --secret-add secret    Add a secret to a service (fields below)\n");
    expect(update.stdout).toContain("  source=SECRET (or src=)");
  });

  it("names an unknown service subcommand", async () => {
    expect((await runCli(["service", "scale", "db=2"])).stderr).toBe(
      "coffer: 'scale' is not a coffer service command.\nSee 'coffer service --help'\n",
    );
    expect((await runCli(["service", "token", "show"])).stderr).toBe(
      "coffer: 'show' is not a coffer service token command.\nSee 'coffer service token --help'\n",
    );
  });

  it("shows the usage block of a nested command for a usage error", async () => {
    const result = await runCli(["service", "token", "rm", "db"]);
    expect(result).toMatchObject({
      code: 1,
      stderr:
        '"coffer service token rm" requires at least 2 arguments.\n' +
        "See 'coffer service token rm --help'.\n\n" +
        "Usage:  coffer service token rm SERVICE TOKEN_ID [TOKEN_ID...]\n\nRevoke tokens of a service\n",
    });
  });
});
