import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { integrationToken, readTokenFile } from "./token-file";

let dir: string;
const read = (name: string, insecure = false) =>
  readTokenFile(name, { cwd: dir, insecure }, integrationToken("docker-swarm", "the Docker plugin"));

async function tokenFile(name: string, content: string, mode = 0o600) {
  await writeFile(join(dir, name), content);
  await chmod(join(dir, name), mode);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-plugin-token-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("a plugin's integration token file", () => {
  it("reads an integration token, trimmed", async () => {
    await tokenFile("swarm.token", "cfi_abcDEF-123\n");
    expect(await read("swarm.token")).toBe("cfi_abcDEF-123");
  });

  it("refuses a file group or others can access, unless told", async () => {
    await tokenFile("swarm.token", "cfi_abc", 0o644);
    await expect(read("swarm.token")).rejects.toThrow("permissions 0644 for token file swarm.token are too open");
    expect(await read("swarm.token", true)).toBe("cfi_abc");
  });

  it("names the kind of a wrong token without printing it", async () => {
    await tokenFile("svc.token", "cfs_CANARY-plugin-token");
    await expect(read("svc.token")).rejects.toThrow(
      /holds a service token; the Docker plugin needs an integration token \(cfi_…\): coffer integration create docker-swarm NAME/,
    );
    await tokenFile("other.token", "CANARY-plugin-token");
    const error = await read("other.token").catch((e: Error) => e);
    expect(String(error)).toContain("does not hold an integration token (cfi_…)");
    expect(String(error)).not.toContain("CANARY");
    await tokenFile("empty.token", "\n");
    await expect(read("empty.token")).rejects.toThrow("token file empty.token is empty");
    await expect(read("missing.token")).rejects.toThrow("cannot read token file missing.token: ENOENT");
  });
});
