// A second Coffer for the SSO story, configured for the test's OpenID
// provider (the shared e2e instance runs without SSO). Built server, fresh
// embedded database, its own port and log.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "../../scripts/server-process.mjs";
import { ARTIFACTS } from "./instance";
import { OIDC_CLIENT, OIDC_ISSUER } from "./oidc-provider";

export const SSO_PORT = 3211;
// localhost, not 127.0.0.1: Next.js rewrites 127.x hosts to localhost in a
// route handler's URL, so Auth.js would send the provider a redirect URI
// (at the token step) other than the one it registered (at the sign-in step).
export const SSO_URL = `http://localhost:${SSO_PORT}`;
const dir = join(ARTIFACTS, "sso");
const logFile = join(dir, "server.log");

export function ssoServerLog(): string {
  return readFileSync(logFile, "utf8");
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the SSO Coffer exited: see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${SSO_PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the SSO Coffer did not start");
}

export async function startSsoCoffer(): Promise<{ stop: () => Promise<void> }> {
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
    PORT: String(SSO_PORT),
    // Both loopbacks: "localhost" may resolve to ::1 or 127.0.0.1.
    HOSTNAME: "::",
    COFFER_PUBLIC_URL: SSO_URL,
    COFFER_DATA_DIR: join(dir, "data"),
    COFFER_OIDC_ISSUER: OIDC_ISSUER,
    COFFER_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    COFFER_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    COFFER_OIDC_NAME: "Test IdP",
    COFFER_OIDC_SCOPES: "openid email profile groups",
    COFFER_OIDC_ALLOW_SIGNUP: "true",
    COFFER_PASSWORD_LOGIN: "owners",
  });
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, instance.args, { env: instance.env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  await waitForHealth(server);
  return {
    stop: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}

/** The one-time setup token the SSO instance printed. */
export function ssoSetupToken(): string {
  const match = /enter this one-time setup token:\s+(\S+)/.exec(ssoServerLog());
  if (!match?.[1]) throw new Error("no setup token in the SSO server log");
  return match[1];
}
