// `coffer agent` against the stand-in server: real files in a temporary
// directory, checked with stat. Tests run as root here, so uid/gid are
// applied and checked too.
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../run";
import { type FakeCoffer, startFakeCoffer } from "../test-support/fake-coffer-server";
import { memoryContext } from "../test-support/memory-context";
import { startBin } from "../test-support/run-bin";
import { runCli } from "../test-support/run-cli";

const ROOT = process.getuid?.() === 0;
const PW1 = "CANARY-agent-pw-1";
const PW2 = "CANARY-agent-pw-2";

let server: FakeCoffer;
let dir: string;
let out: string;
let tokenFile: string;

const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { server, cwd: dir, ...options });
const agentArgs = (...extra: string[]) => ["agent", "--server", server.url, "--token-file", tokenFile, "--dir", out, ...extra];
const agent = (...extra: string[]) => cli(agentArgs(...extra));
const bind = (...specs: string[]) => cli(["service", "update", "db", ...specs.flatMap((s) => ["--secret-add", s])]);
const unbind = (...items: string[]) => cli(["service", "update", "db", ...items.flatMap((s) => ["--secret-rm", s])]);
const mode = async (path: string) => (await stat(join(out, path))).mode & 0o777;
const content = (path: string) => readFile(join(out, path), "utf8");
/** The log without the warnings a non-root run adds for uid/gid it cannot apply. */
const changes = (stderr: string) => stderr.replace(/^warning: not running as root: .*\n/gm, "");
const manifest = async () => JSON.parse(await readFile(join(out, ".coffer-agent.json"), "utf8"));

/** Starts `coffer agent --watch` in-process; its stderr can be read while it runs. */
function watchAgent(...extra: string[]) {
  const memory = memoryContext({ cwd: dir, env: {} });
  const exit = run(agentArgs("--watch", "--interval", "0.05", ...extra), memory.ctx);
  return { exit, stderr: memory.stderr };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function revokeAll() {
  for (const token of server.services.get("default/db")!.tokens) token.revokedAt = "2024-05-01T10:00:00.000Z";
}

beforeEach(async () => {
  server = await startFakeCoffer();
  dir = await mkdtemp(join(tmpdir(), "coffer-agent-"));
  out = join(dir, "secrets");
  await cli(["secret", "create", "db_pw", "-"], { stdin: PW1 });
  await cli(["secret", "create", "tls", "--from-literal", "tls.crt=CERT", "--from-literal", "tls.key=CANARY-agent-key"]);
  await cli(["service", "create", "db"]);
  const token = await cli(["service", "token", "create", "db"]);
  tokenFile = join(dir, "db.token");
  await writeFile(tokenFile, token.stdout, { mode: 0o600 });
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

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
    expect(await manifest()).toEqual({ version: 1, files: ["certs/tls/tls.crt", "certs/tls/tls.key", "db_password"], dirs: ["certs", "certs/tls"] });
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

  it("replaces a rotated file by rename: a new inode, and readers only ever see the old or the new content", async () => {
    // Values large enough that a write in place would be seen half done.
    const a = Buffer.alloc(1 << 20, "a");
    const b = Buffer.alloc(1 << 20, "b");
    server.rotate("default", "db_pw", { value: a });
    await bind("source=db_pw,mode=0400");
    await agent();
    const first = await stat(join(out, "db_pw"));
    server.rotate("default", "db_pw", { value: b });
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
    const seen = new Promise<{ a: number; b: number; other: number; missing: number }>((resolve, reject) => reader.once("message", resolve).once("error", reject));
    for (let i = 0; i < 16; i++) {
      server.rotate("default", "db_pw", { value: i % 2 ? b : a });
      expect((await agent()).code).toBe(0);
    }
    Atomics.store(stop, 0, 1);
    const counts = await seen;
    expect(counts.other).toBe(0);
    expect(counts.missing).toBe(0);
    expect(counts.a + counts.b).toBeGreaterThan(16);
  });

  it("removes the files of bindings that went away, and only files it wrote", async () => {
    await bind("source=db_pw,target=old_pw", "source=tls,target=certs/tls");
    await agent();
    await writeFile(join(out, "notes.txt"), "the user's own file");
    await writeFile(join(out, "certs", "ca.pem"), "the user's own file");
    await unbind("old_pw", "tls");
    await bind("source=db_pw,target=new_pw");
    const result = await agent();
    expect(changes(result.stderr)).toBe("removed certs/tls/tls.crt\nremoved certs/tls/tls.key\nremoved old_pw\nwrote new_pw (db_pw version 1)\n");
    expect((await readdir(out)).sort()).toEqual([".coffer-agent.json", "certs", "new_pw", "notes.txt"]);
    // certs/ holds the user's file: kept, and still listed so it goes once empty.
    expect(await readdir(join(out, "certs"))).toEqual(["ca.pem"]);
    expect(await manifest()).toEqual({ version: 1, files: ["new_pw"], dirs: ["certs"] });
    await rm(join(out, "certs", "ca.pem"));
    await agent();
    expect((await readdir(out)).sort()).toEqual([".coffer-agent.json", "new_pw", "notes.txt"]);
  });

  it("turns a target from a file into a directory and back when a secret gains or loses keys", async () => {
    await bind("source=db_pw,target=db");
    await agent();
    server.rotate("default", "db_pw", { user: "app", password: PW2 });
    expect(changes((await agent()).stderr)).toBe("removed db\nwrote db/user (db_pw version 2)\nwrote db/password (db_pw version 2)\n");
    expect(await content("db/password")).toBe(PW2);
    server.rotate("default", "db_pw", { value: PW1 });
    expect(changes((await agent()).stderr)).toBe("removed db/password\nremoved db/user\nwrote db (db_pw version 3)\n");
    expect(await content("db")).toBe(PW1);
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
    const url = server.url;
    await server.close();
    const unreachable = await runCli(["agent", "--server", url, "--token-file", tokenFile, "--dir", out]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    expect(await content("db_pw")).toBe(PW1);
    server = await startFakeCoffer(); // for afterEach
  });

  it("refuses a token file others can read unless --insecure-token-file", async () => {
    await bind("db_pw");
    await chmod(tokenFile, 0o644);
    const refused = await agent();
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining(`permissions 0644 for token file ${tokenFile} are too open`) });
    expect(server.requests.at(-1)!.url).not.toBe("/api/v1/runtime/secrets");
    expect((await agent("--insecure-token-file")).code).toBe(0);
  });

  it("checks its flags before reading anything", async () => {
    const usage = async (...argv: string[]) => (await cli(["agent", ...argv])).stderr.split("\n")[0];
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--watch", "--once")).toBe("--watch and --once cannot be used together");
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--interval", "5")).toBe("--interval needs --watch");
    expect(await usage("--server", server.url, "--token-file", "t", "--dir", "d", "--watch", "--interval", "0")).toBe(
      'invalid argument "0" for "--interval": expected a number of seconds',
    );
    expect(await usage("--server", server.url, "--dir", "d")).toBe("--token-file is required");
    expect(await usage("--server", server.url, "--token-file", "t")).toBe("--dir is required");
  });
});

describe("coffer agent --watch", { timeout: 20_000 }, () => {
  it("polls with If-None-Match, takes 304 as unchanged, and stops with exit 1 once the token is revoked", async () => {
    await bind("db_pw");
    const agentRun = watchAgent();
    await until(() => server.requests.filter((r) => r.status === 304).length >= 3, "three 304s");
    const runtime = server.requests.filter((r) => r.url === "/api/v1/runtime/secrets");
    expect(runtime[0]!.headers["if-none-match"]).toBeUndefined();
    expect(runtime[1]!.headers["if-none-match"]).toMatch(/^"[\w-]+"$/);
    expect(server.runtime.reads).toBe(1);
    await revokeAll();
    expect(await agentRun.exit).toBe(1);
    expect(changes(agentRun.stderr())).toBe(
      `delivering into ${out}, checking ${server.url} every 0.05s\nwrote db_pw (version 1)\nthe server refused the service token: the service token is revoked\n`,
    );
    expect(await content("db_pw")).toBe(PW1);
  });

  it("applies a rotation in place within the interval", async () => {
    await bind("source=db_pw,target=db_password,mode=0400");
    const agentRun = watchAgent();
    await until(async () => (await content("db_password").catch(() => "")) === PW1, "the first write");
    const first = await stat(join(out, "db_password"));
    server.rotate("default", "db_pw", { value: PW2 });
    await until(async () => (await content("db_password")) === PW2, "the rotation");
    expect((await stat(join(out, "db_password"))).ino).not.toBe(first.ino);
    expect(await mode("db_password")).toBe(0o400);
    await revokeAll();
    await agentRun.exit;
    expect(agentRun.stderr()).toContain("wrote db_password (db_pw version 2)\n");
    expect(agentRun.stderr()).not.toContain("CANARY");
  });

  it("keeps the current files through a 503, logs one line per try, and catches up after", async () => {
    await bind("db_pw");
    const agentRun = watchAgent();
    await until(async () => (await content("db_pw").catch(() => "")) === PW1, "the first write");
    server.runtime.failWith = 503;
    server.rotate("default", "db_pw", { value: PW2 });
    await until(() => agentRun.stderr().split("\n").filter((l) => l.includes("cannot deliver")).length >= 2, "two failed tries");
    expect(await content("db_pw")).toBe(PW1);
    expect(agentRun.stderr()).toContain(
      "the server cannot deliver now: the audit trail is unavailable, so no secret was delivered; try again later (keeping the current files; next try in 0.05s)\n",
    );
    server.runtime.failWith = undefined;
    await until(async () => (await content("db_pw")) === PW2, "the catch-up");
    await revokeAll();
    expect(await agentRun.exit).toBe(1);
  });

  it("keeps the files while the server is unreachable, and stops with exit 0 on SIGTERM", async () => {
    await bind("db_pw");
    await agent();
    const url = server.url;
    await server.close();
    const memory = memoryContext({ cwd: dir });
    const exit = run(["agent", "--server", url, "--token-file", tokenFile, "--dir", out, "--watch", "--interval", "0.05"], memory.ctx);
    await until(() => memory.stderr().split("cannot reach").length > 2, "two failed tries");
    process.emit("SIGTERM", "SIGTERM");
    expect(await exit).toBe(0);
    expect(memory.stderr()).toMatch(/connect ECONNREFUSED 127\.0\.0\.1:\d+ \(keeping the current files; next try in 0\.05s\)\n/);
    expect(memory.stderr().endsWith("SIGTERM received, stopping\n")).toBe(true);
    expect(await content("db_pw")).toBe(PW1);
    expect(process.listenerCount("SIGTERM")).toBe(0);
    server = await startFakeCoffer();
  });
});

// A child process each: slow on a busy machine.
describe("coffer agent as a process", { timeout: 30_000 }, () => {
  it("exits 0 on SIGTERM, leaving the delivered files", async () => {
    await bind("source=db_pw,mode=0400");
    const running = startBin(agentArgs("--watch", "--interval", "0.1"), { cwd: dir });
    // Once logged, the write is complete (a SIGTERM during it would let it finish first).
    await until(() => running.output.stderr.includes("wrote db_pw (version 1)\n"), "the first write", 20_000);
    running.child.kill("SIGTERM");
    expect(await running.exit).toEqual({ code: 0, signal: null });
    expect(running.output.stderr).toMatch(/wrote db_pw \(version 1\)\n(.*\n)*SIGTERM received, stopping\n$/);
    expect(running.output.stdout).toBe("");
    expect(await content("db_pw")).toBe(PW1);
  });
});
