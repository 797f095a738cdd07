// The command's own checks, before it serves: each mistake is named and
// exits 1 without leaving a socket behind.
import { chmod, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../test-support/run-cli";

let dir: string;
const plugin = (...args: string[]) => runCli(["docker-plugin", ...args], { cwd: dir });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-docker-plugin-cmd-"));
  await writeFile(join(dir, "swarm.token"), "cfi_test\n");
  await chmod(join(dir, "swarm.token"), 0o600);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("coffer docker-plugin", () => {
  it("needs a server and a token file", async () => {
    expect(await plugin("--token-file", "swarm.token")).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^--server URL is required \(or set COFFER_SERVER\)\nSee 'coffer docker-plugin --help'\./),
    });
    expect((await plugin("--server", "http://127.0.0.1:1")).stderr).toMatch(/^--token-file is required\n/);
    expect((await plugin("--server", "ftp://x", "--token-file", "swarm.token")).stderr).toBe(
      'invalid server URL "ftp://x": must start with http:// or https://\n',
    );
  });

  it("refuses a token file others can read before it listens", async () => {
    await chmod(join(dir, "swarm.token"), 0o644);
    const result = await plugin("--server", "http://127.0.0.1:1", "--token-file", "swarm.token", "--socket", "p.sock");
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("permissions 0644 for token file swarm.token are too open") });
    await expect(stat(join(dir, "p.sock"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("will not replace a file at the socket path that is not a socket", async () => {
    await writeFile(join(dir, "p.sock"), "keep");
    const result = await plugin("--server", "http://127.0.0.1:1", "--token-file", "swarm.token", "--socket", "p.sock");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `${join(dir, "p.sock")} exists and is not a socket; remove it or choose another --socket\n`,
      prompts: [],
    });
  });
});
