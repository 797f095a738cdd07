// The stale-socket rule: a socket left by a crashed plugin is replaced; a
// live plugin's socket, or a file that is not a socket, is left alone.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listenOnSocket, removeStaleSocket } from "./docker-plugin-socket";

let dir: string;
let servers: Server[];

/** A socket whose server was killed: a process binds it and is killed at once (kill -9 leaves the file). */
function staleSocket(path: string): void {
  const script = `require("node:net").createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, "SIGKILL"))`;
  spawnSync(process.execPath, ["-e", script]);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-plugin-socket-"));
  servers = [];
});

afterEach(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("the plugin socket", () => {
  it("replaces a stale socket that nothing answers on", async () => {
    const path = join(dir, "coffer.sock");
    staleSocket(path);
    expect((await stat(path)).isSocket()).toBe(true);
    const server = createServer();
    servers.push(server);
    await listenOnSocket(server, path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("refuses to take over a socket a live plugin answers on", async () => {
    const path = join(dir, "coffer.sock");
    const live = createServer();
    servers.push(live);
    await new Promise<void>((resolve) => live.listen(path, resolve));
    await expect(removeStaleSocket(path)).rejects.toThrow(`another plugin is answering on ${path}`);
    expect((await stat(path)).isSocket()).toBe(true);
  });

  it("never deletes a file that is not a socket", async () => {
    const path = join(dir, "coffer.sock");
    await writeFile(path, "keep me");
    await expect(removeStaleSocket(path)).rejects.toThrow(`${path} exists and is not a socket`);
    expect((await stat(path)).isFile()).toBe(true);
  });

  it("does nothing when there is no file", async () => {
    await expect(removeStaleSocket(join(dir, "none.sock"))).resolves.toBeUndefined();
  });
});
