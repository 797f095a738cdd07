// The secret commands that read, end to end: the real CLI code, real HTTP,
// and the product's routes (recording what arrived) on this file's
// database. The commands that change secrets are in
// secret-write-commands.int.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { secretId } from "./cli-server";
import { cli, lastRequest, registerSecretCommandHooks, seed, server } from "./secret-commands-fixture";

registerSecretCommandHooks();

describe("coffer secret ls", () => {
  beforeEach(seed);

  it("prints docker's table sorted by name, with TYPE and VERSION", async () => {
    const result = await cli(["secret", "ls"]);
    expect(result.code).toBe(0);
    const id = (name: string) => secretId("default", name);
    expect(result.stdout).toBe(
      [
        "ID                          NAME                  TYPE      VERSION   CREATED         UPDATED",
        `${await id("api_key")}   api_key               Opaque    1         2 minutes ago   2 minutes ago`,
        `${await id("mysql_password")}   mysql_password        Opaque    1         2 minutes ago   2 minutes ago`,
        `${await id("mysql_root_password")}   mysql_root_password   Opaque    1         2 minutes ago   2 minutes ago`,
        "",
      ].join("\n"),
    );
  });

  it("passes every --filter as a filter= query parameter", async () => {
    const result = await cli(["secret", "ls", "-f", "name=mysql", "--filter", "label=env=prod", "--format", "{{.Name}}"]);
    expect(result.stdout).toBe("mysql_root_password\n");
    const url = new URL(lastRequest().url, "http://x");
    expect(url.pathname).toBe("/api/v1/namespaces/default/secrets");
    expect(url.searchParams.getAll("filter")).toEqual(["name=mysql", "label=env=prod"]);
  });

  it("prints IDs only with -q, and one JSON object per line with --format json", async () => {
    const quiet = await cli(["secret", "ls", "-q", "--filter", "label=team"]);
    expect(quiet.stdout).toBe(`${await secretId("default", "mysql_password")}\n`);
    const json = await cli(["secret", "ls", "--format", "json"]);
    const lines = json.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.Name, l.Labels])).toEqual([
      ["api_key", ""],
      ["mysql_password", "env=dev,team=db"],
      ["mysql_root_password", "env=prod"],
    ]);
  });

  it("expands \\t in templates and warns that -q beats --format", async () => {
    const result = await cli(["secret", "ls", "--format", "{{.Name}}\\t{{.Version}}", "-q", "-f", "name=api"]);
    expect(result.stdout).toBe(`${await secretId("default", "api_key")}\n`);
    expect(result.stderr).toBe("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    expect((await cli(["secret", "ls", "--format", "{{.Name}}\\t{{.Version}}", "-f", "name=api"])).stdout).toBe("api_key\t1\n");
  });

  it("refuses a bad template or filter before asking the server", async () => {
    expect(await cli(["secret", "ls", "--format", "{{.Nope}}"])).toMatchObject({ code: 1 });
    expect(await cli(["secret", "ls", "--filter", "driver=x"])).toMatchObject({ code: 1 });
    expect(server.requests).toEqual([]);
  });
});

describe("coffer secret inspect", () => {
  beforeEach(seed);

  it("prints a JSON array of docker-shaped objects, indented by 2", async () => {
    const result = await cli(["secret", "inspect", "mysql_password", "api_key"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toHaveLength(2);
    const row = await db.secret.findFirstOrThrow({ where: { name: "mysql_password" } });
    expect(parsed[0]).toEqual({
      ID: row.id,
      Version: { Index: row.metaVersion },
      CreatedAt: row.createdAt.toISOString(),
      UpdatedAt: row.updatedAt.toISOString(),
      Spec: { Name: "mysql_password", Labels: { env: "dev", team: "db" } },
    });
    expect(result.stdout.startsWith('[\n  {\n    "ID"')).toBe(true);
  });

  it("prints the pretty view with --pretty", async () => {
    const result = await cli(["secret", "inspect", "--pretty", "mysql_password"]);
    expect(result.stdout).toContain("Name:              mysql_password\n");
    expect(result.stdout).toContain("Labels:\n - env=dev\n - team=db\n");
    expect(result.stdout).toContain("Keys:\n - value (2 bytes)\n");
  });

  it("still prints the ones found when a name fails, then the error, exit 1", async () => {
    const result = await cli(["secret", "inspect", "api_key", "nope"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(result.stderr).toBe("Error response from server: secret 'nope' not found in namespace 'default'\n");
  });
});

describe("authentication errors", () => {
  it("hints at coffer login on 401 and never prints the token", async () => {
    const result = await cli(["secret", "ls"], { env: { COFFER_TOKEN: "cfp_revoked_token_value" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Error response from server: the API token is invalid, expired or revoked (run: coffer login --server ${server.url})\n`,
    );
    expect(result.stdout + result.stderr).not.toContain("cfp_revoked_token_value");
  });

  it("says to log in when there is no token at all", async () => {
    const result = await runCli(["secret", "ls"], { env: { COFFER_SERVER: server.url } });
    expect(result).toMatchObject({ code: 1, stderr: `not logged in to ${server.url} (run: coffer login --server ${server.url})\n` });
  });
});
