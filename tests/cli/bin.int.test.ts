// bin/coffer.mjs as a user runs it: a child process (the bundle, built on
// demand), from a directory that is not the repository, against the
// product's routes over HTTP.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COFFER_BIN, runBin } from "../../packages/cli/src/test-support/run-bin";
import { type CofferServer, secretId, startCoffer } from "./cli-server";

let server: CofferServer;
let elsewhere: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startCoffer();
  elsewhere = await mkdtemp(join(tmpdir(), "coffer-cli-bin-"));
  env = { HOME: elsewhere, COFFER_SERVER: server.url, COFFER_TOKEN: server.token };
});
afterAll(async () => {
  await server.close();
  await rm(elsewhere, { recursive: true, force: true });
});

// Each test starts node one or more times (and the first may build the
// bundle): seconds on a busy machine.
describe("bin/coffer.mjs", { timeout: 30_000 }, () => {
  it("is an executable node script", async () => {
    expect((await stat(COFFER_BIN)).mode & 0o777).toBe(0o755);
    expect((await readFile(COFFER_BIN, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    const result = await runBin(["--version"], { direct: true, cwd: elsewhere });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^coffer version \d+\.\d+\.\d+/) });
  });

  it("creates, lists and removes a secret from another directory, with stdin data", async () => {
    const created = await runBin(["secret", "create", "db_password", "-", "--label", "env=prod"], {
      cwd: elsewhere,
      env,
      stdin: "s3cr3t-value\n",
    });
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toBe(`${await secretId("default", "db_password")}\n`);

    const listed = await runBin(["secret", "ls", "--format", "{{.Name}} {{.Labels}}"], { cwd: elsewhere, env });
    expect(listed).toMatchObject({ code: 0, stdout: "db_password env=prod\n" });

    const removed = await runBin(["secret", "rm", "db_password", "missing"], { cwd: elsewhere, env });
    expect(removed).toMatchObject({
      code: 1,
      stdout: "db_password\n",
      stderr: "Error response from server: secret 'missing' not found in namespace 'default'\n",
    });
  });

  it("exits 1 with docker's usage block for a usage error", async () => {
    const result = await runBin(["secret", "create"], { cwd: elsewhere, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^"coffer secret create" requires at least 1 and at most 2 arguments\.\n/);
  });
});
