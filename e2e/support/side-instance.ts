// A second Coffer beside the shared e2e instance, for stories that need
// other settings (the SSO story's OpenID provider) or a host name (passkeys:
// WebAuthn refuses an IP address, and the shared instance is 127.0.0.1).
// Built server, fresh embedded database, its own port, directory and log,
// at http://localhost:<port>.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "../../scripts/server-process.mjs";
import { ARTIFACTS } from "./instance";

export type SideCoffer = {
  url: string;
  /** The one-time setup token it printed. */
  setupToken: () => string;
  stop: () => Promise<void>;
};

async function waitForHealth(server: ChildProcess, port: number, name: string, logFile: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the ${name} Coffer exited: see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the ${name} Coffer did not start`);
}

export async function startSideCoffer(name: string, port: number, settings: Record<string, string> = {}): Promise<SideCoffer> {
  const url = `http://localhost:${port}`;
  const dir = join(ARTIFACTS, name);
  const logFile = join(dir, "server.log");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const inherited = { ...process.env };
  delete inherited.AUTH_SECRET_FILE;
  const instance = serverProcess({
    ...inherited,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "",
    PORT: String(port),
    // Both loopbacks: "localhost" may resolve to ::1 or 127.0.0.1.
    HOSTNAME: "::",
    COFFER_PUBLIC_URL: url,
    COFFER_DATA_DIR: join(dir, "data"),
    ...settings,
  });
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, instance.args, { env: instance.env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  await waitForHealth(server, port, name, logFile);
  return {
    url,
    setupToken: () => {
      const match = /enter this one-time setup token:\s+(\S+)/.exec(readFileSync(logFile, "utf8"));
      if (!match?.[1]) throw new Error(`no setup token in the ${name} server log (${logFile})`);
      return match[1];
    },
    stop: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}
