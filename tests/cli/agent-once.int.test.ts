// `coffer agent` against the product's routes: real files in a temporary
// directory, checked with stat. Tests run as root here, so uid/gid are
// applied and checked too.
// The one-shot runs (--once); --watch and the agent as a process are in
// agent-watch.int.test.ts.
import { chmod, lstat, mkdir, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import {
  agent,
  bind,
  changes,
  cli,
  content,
  dir,
  manifest,
  mode,
  out,
  PW1,
  PW2,
  registerAgentHooks,
  revokeAll,
  ROOT,
  rotate,
  server,
  tokenFile,
  unbind,
  unreachableUrl,
} from "./agent-fixture";

registerAgentHooks();

describe("coffer agent --once", () => {
  it("writes each binding with its mode and owner, and says what it wrote (never a value)", async () => {
    await bind("source=db_pw,target=db_password,uid=1000,gid=1000,mode=0400", "source=tls,target=certs/tls");
    const result = await agent();
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(changes(result.stderr)).toBe(
      "wrote certs/tls/tls.crt (tls version 1)\nwrote certs/tls/tls.key (tls version 1)\nwrote db_password (db_pw version 1)\n",
    );
    expect(await content("db_password")).toBe(PW1);
    expect(await mode("db_password")).toBe(0o400);
    expect(await content("certs/tls/tls.key")).toBe("CANARY-agent-key");
    expect(await mode("certs/tls/tls.crt")).toBe(0o444);
    expect(await mode("certs")).toBe(0o755);
    expect(await mode("certs/tls")).toBe(0o755);
    expect(await mode(".coffer-agent.json")).toBe(0o600);
    expect(await manifest()).toEqual({
      version: 1,
      files: ["certs/tls/tls.crt", "certs/tls/tls.key", "db_password"],
      dirs: ["certs", "certs/tls"],
    });
    // No temporary file is left behind.
    expect((await readdir(out)).sort()).toEqual([".coffer-agent.json", "certs", "db_password"]);
  });

  it.runIf(ROOT)("applies uid and gid when running as root", async () => {
    await bind("source=db_pw,target=db_password,uid=1000,gid=1001,mode=0440", "source=tls,target=tls,uid=33,gid=33");
    expect((await agent()).code).toBe(0);
    expect(await stat(join(out, "db_password"))).toMatchObject({ uid: 1000, gid: 1001 });
    expect(await stat(join(out, "tls/tls.key"))).toMatchObject({ uid: 33, gid: 33 });
    // Directories and the manifest stay root's.
    expect(await stat(join(out, "tls"))).toMatchObject({ uid: 0, gid: 0 });
    expect(await stat(join(out, ".coffer-agent.json"))).toMatchObject({ uid: 0, gid: 0 });
  });

  it("leaves files that are already right alone, and fixes a changed mode", async () => {
    await bind("source=db_pw,mode=0400");
    await agent();
    const before = await stat(join(out, "db_pw"));
    expect(changes((await agent()).stderr)).toBe("");
    expect((await stat(join(out, "db_pw"))).ino).toBe(before.ino);
    await unbind("db_pw");
    await bind("source=db_pw,mode=0440");
    expect(changes((await agent()).stderr)).toBe("wrote db_pw (version 1)\n");
    expect(await mode("db_pw")).toBe(0o440);
  });

  // Each of the 18 rotations seals 1 MiB on the server: slow on a busy machine.
  it(
    "replaces a rotated file by rename: a new inode, and readers only ever see the old or the new content",
    { timeout: 120_000 },
    async () => {
      // Values large enough that a write in place would be seen half done.
      const a = Buffer.alloc(1 << 20, "a");
      const b = Buffer.alloc(1 << 20, "b");
      await rotate("db_pw", { value: a });
      await bind("source=db_pw,mode=0400");
      await agent();
      const first = await stat(join(out, "db_pw"));
      await rotate("db_pw", { value: b });
      await agent();
      expect((await stat(join(out, "db_pw"))).ino).not.toBe(first.ino);

      const stop = new Int32Array(new SharedArrayBuffer(4));
      const reader = new Worker(
        `const { workerData, parentPort } = require("node:worker_threads");
       const { readFileSync } = require("node:fs");
       const stop = new Int32Array(workerData.stop);
       const a = Buffer.from(workerData.a), b = Buffer.from(workerData.b);
       const seen = { a: 0, b: 0, other: 0, missing: 0 };
       while (Atomics.load(stop, 0) === 0) {
         let data;
         try { data = readFileSync(workerData.path); } catch { seen.missing++; continue; }
         if (data.equals(a)) seen.a++; else if (data.equals(b)) seen.b++; else seen.other++;
       }
       parentPort.postMessage(seen);`,
        { eval: true, workerData: { path: join(out, "db_pw"), a, b, stop: stop.buffer } },
      );
      const seen = new Promise<{ a: number; b: number; other: number; missing: number }>((resolve, reject) =>
        reader.once("message", resolve).once("error", reject),
      );
      for (let i = 0; i < 16; i++) {
        await rotate("db_pw", { value: i % 2 ? b : a });
        expect((await agent()).code).toBe(0);
      }
      Atomics.store(stop, 0, 1);
      const counts = await seen;
      expect(counts.other).toBe(0);
      expect(counts.missing).toBe(0);
      expect(counts.a + counts.b).toBeGreaterThan(16);
    },
  );

  it("removes the files of bindings that went away, and only files it wrote", async () => {
    await bind("source=db_pw,target=old_pw", "source=tls,target=certs/tls");
    await agent();
    await writeFile(join(out, "notes.txt"), "the user's own file");
    await writeFile(join(out, "certs", "ca.pem"), "the user's own file");
    await unbind("old_pw", "tls");
    await bind("source=db_pw,target=new_pw");
    const result = await agent();
    expect(changes(result.stderr)).toBe(
      "removed certs/tls/tls.crt\nremoved certs/tls/tls.key\nremoved old_pw\nwrote new_pw (db_pw version 1)\n",
    );
    expect((await readdir(out)).sort()).toEqual([".coffer-agent.json", "certs", "new_pw", "notes.txt"]);
    // certs/ holds the user's file: kept, and still listed so it goes once empty.
    expect(await readdir(join(out, "certs"))).toEqual(["ca.pem"]);
    expect(await manifest()).toEqual({ version: 1, files: ["new_pw"], dirs: ["certs"] });
    await rm(join(out, "certs", "ca.pem"));
    await agent();
    expect((await readdir(out)).sort()).toEqual([".coffer-agent.json", "new_pw", "notes.txt"]);
  });

  // The server binds a one-key secret to its key (it stays a file whatever
  // later versions hold), so the change is played with a secret of two keys.
  it("turns a target from a directory into a file and back when a secret loses or gains keys", async () => {
    await bind("source=tls,target=db");
    await agent();
    await rotate("tls", { value: PW1 });
    expect(changes((await agent()).stderr)).toBe("removed db/tls.crt\nremoved db/tls.key\nwrote db (tls version 2)\n");
    expect(await content("db")).toBe(PW1);
    await rotate("tls", { user: "app", password: PW2 });
    expect(changes((await agent()).stderr)).toBe("removed db\nwrote db/user (tls version 3)\nwrote db/password (tls version 3)\n");
    expect(await content("db/password")).toBe(PW2);
  });

  it("never follows a symbolic link planted in the directory", async () => {
    const elsewhere = join(dir, "elsewhere");
    await mkdir(elsewhere);
    await mkdir(out);
    await symlink(elsewhere, join(out, "certs"));
    await bind("source=tls,target=certs/tls", "db_pw");
    const result = await agent();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: cannot write certs/tls/tls.crt: certs is a symbolic link; not following it\n");
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await content("db_pw")).toBe(PW1);
    expect((await lstat(join(out, "certs"))).isSymbolicLink()).toBe(true);
  });

  it("stops with exit 1 on a revoked token and on an unreachable server, touching nothing", async () => {
    await bind("db_pw");
    await agent();
    await revokeAll();
    expect(await agent()).toMatchObject({ code: 1, stderr: "the server refused the service token: the service token is revoked\n" });
    const unreachable = await runCli(["agent", "--server", await unreachableUrl(), "--token-file", tokenFile, "--dir", out]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    expect(await content("db_pw")).toBe(PW1);
  });

  it("refuses a token file others can read unless --insecure-token-file", async () => {
    await bind("db_pw");
    await chmod(tokenFile, 0o644);
    const refused = await agent();
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`permissions 0644 for token file ${tokenFile} are too open`),
    });
    expect(server.requests.at(-1)!.url).not.toBe("/api/v1/runtime/secrets");
    expect((await agent("--insecure-token-file")).code).toBe(0);
  });

  it("checks its flags before reading anything", async () => {
    const usage = async (...argv: string[]) => (await cli(["agent", ...argv])).stderr.split("\n")[0];
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--watch", "--once")).toBe(
      "--watch and --once cannot be used together",
    );
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--interval", "5")).toBe("--interval needs --watch");
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--watch", "--interval", "0")).toBe(
      'invalid argument "0" for "--interval": expected a number of seconds',
    );
    expect(await usage("--server", server.url, "--dir", "d")).toBe("--token-file is required");
    expect(await usage("--server", server.url, "--token-file", "t")).toBe("--dir is required");
  });
});
