// Facts about the fresh Coffer instance that e2e/support/start-instance.mjs
// starts for each Playwright run.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const E2E_PORT = 3210;
export const ARTIFACTS = join(process.cwd(), "e2e", ".artifacts");
export const SERVER_LOG = join(ARTIFACTS, "server.log");
/** Small limits so the lockout story runs in seconds; set by start-instance.mjs. */
export const LOGIN_MAX_FAILURES = 3;
export const LOCKOUT_SECONDS = 4;

export function serverLog(): string {
  return readFileSync(SERVER_LOG, "utf8");
}

/** The one-time setup token, read from the server's log as an operator would. */
export function setupTokenFromLog(): string {
  const match = /enter this one-time setup token:\s+(\S+)/.exec(serverLog());
  if (!match?.[1]) throw new Error("no setup token in the server log");
  return match[1];
}
