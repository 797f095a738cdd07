// `coffer agent --watch` against the product's routes, in-process and as a
// child process: real files in a temporary directory, the server's requests
// recorded. The one-shot runs are in agent-once.int.test.ts.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { run } from "../../packages/cli/src/run";
import { memoryContext } from "../../packages/cli/src/test-support/memory-context";
import { startBin } from "../../packages/cli/src/test-support/run-bin";
import {
  agent,
  agentArgs,
  auditTrailDown,
  bind,
  changes,
  content,
  deliveries,
  dir,
  mode,
  out,
  PW1,
  PW2,
  registerAgentHooks,
  revokeAll,
  rotate,
  server,
  tokenFile,
  unreachableUrl,
  until,
  watchAgent,
} from "./agent-fixture";

registerAgentHooks();

describe("coffer agent --watch", { timeout: 20_000 }, () => {
  it("polls with If-None-Match, takes 304 as unchanged, and stops with exit 1 once the token is revoked", async () => {
    await bind("db_pw");
    const agentRun = watchAgent();
    await until(() => server.requests.filter((r) => r.status === 304).length >= 3, "three 304s");
    const runtime = server.requests.filter((r) => r.url === "/api/v1/runtime/secrets");
    expect(runtime[0]!.headers["if-none-match"]).toBeUndefined();
    expect(runtime[1]!.headers["if-none-match"]).toMatch(/^"[\w-]+"$/);
    expect(deliveries()).toBe(1);
    expect(await db.secretAccess.findFirst({ where: { readerType: "service" } })).toMatchObject({ count: 1 });
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
    await rotate("db_pw", { value: PW2 });
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
    await auditTrailDown(true);
    await rotate("db_pw", { value: PW2 });
    await until(
      () =>
        agentRun
          .stderr()
          .split("\n")
          .filter((l) => l.includes("cannot deliver")).length >= 2,
      "two failed tries",
    );
    expect(await content("db_pw")).toBe(PW1);
    expect(agentRun.stderr()).toContain(
      "the server cannot deliver now: the audit trail is unavailable, so no secret was delivered; try again later (keeping the current files; next try in 0.05s)\n",
    );
    await auditTrailDown(false);
    await until(async () => (await content("db_pw")) === PW2, "the catch-up");
    await revokeAll();
    expect(await agentRun.exit).toBe(1);
  });

  it("keeps the files while the server is unreachable, and stops with exit 0 on SIGTERM", async () => {
    await bind("db_pw");
    await agent();
    const url = await unreachableUrl();
    const memory = memoryContext({ cwd: dir });
    const exit = run(["agent", "--server", url, "--token-file", tokenFile, "--dir", out, "--watch", "--interval", "0.05"], memory.ctx);
    await until(() => memory.stderr().split("cannot reach").length > 2, "two failed tries");
    process.emit("SIGTERM", "SIGTERM");
    expect(await exit).toBe(0);
    expect(memory.stderr()).toMatch(/connect ECONNREFUSED 127\.0\.0\.1:\d+ \(keeping the current files; next try in 0\.05s\)\n/);
    expect(memory.stderr().endsWith("SIGTERM received, stopping\n")).toBe(true);
    expect(await content("db_pw")).toBe(PW1);
    expect(process.listenerCount("SIGTERM")).toBe(0);
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
