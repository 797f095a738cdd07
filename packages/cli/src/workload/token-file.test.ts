import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTokenFile } from "./token-file";

let dir: string;
const TOKEN = "cfs_AbCdEf0123456789-_xyz";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-token-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function tokenFile(name: string, content: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

const read = (path: string, insecure = false) => readTokenFile(path, { cwd: dir, insecure });

describe("readTokenFile", () => {
  it("reads a 0600 file and trims the newline `>` left", async () => {
    expect(await read(await tokenFile("ok", `${TOKEN}\n`, 0o600))).toBe(TOKEN);
    expect(await read("ok")).toBe(TOKEN); // relative to cwd
    expect(await read(await tokenFile("ro", ` ${TOKEN} \r\n`, 0o400))).toBe(TOKEN);
  });

  it("refuses a file group or others can read or write, like ssh, unless told to accept it", async () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620, 0o666]) {
      const path = await tokenFile(`open-${mode.toString(8)}`, TOKEN, mode);
      await expect(read(path)).rejects.toThrow(
        `permissions 0${mode.toString(8)} for token file ${path} are too open: it must not be accessible by group or others (run: chmod 600 ${path}, or pass --insecure-token-file)`,
      );
      expect(await read(path, true)).toBe(TOKEN);
    }
  });

  it("says what is wrong without printing the file", async () => {
    await expect(read(join(dir, "missing"))).rejects.toThrow(`cannot read token file ${join(dir, "missing")}: ENOENT`);
    await expect(read(await tokenFile("empty", "\n", 0o600))).rejects.toThrow("is empty");
    const personal = await tokenFile("personal", "cfp_personal-token-value", 0o600);
    await expect(read(personal)).rejects.toThrow(/holds a personal token; the runtime API needs a service token/);
    await expect(read(personal)).rejects.not.toThrow(/personal-token-value/);
    const junk = await tokenFile("junk", "hunter2 is my password", 0o600);
    await expect(read(junk)).rejects.toThrow(`token file ${junk} does not hold a service token (cfs_…)`);
    await mkdir(join(dir, "adir"), { recursive: true });
    await expect(read(join(dir, "adir"))).rejects.toThrow("is not a regular file");
  });
});
