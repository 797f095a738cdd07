// Runs last (files run in name order): after every story has typed
// passwords and secret values into the console, none of them may appear in
// the server's log, and no server-side crypto may have reached the browser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { serverLog } from "./support/instance";

// Every canary the e2e stories use starts with this.
const CANARY_PREFIX = "CANARY-";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("no password or secret value reached the server log", () => {
  const log = serverLog();
  expect(log).toContain('"msg":"request"');
  expect(log).not.toContain(CANARY_PREFIX);
  // Nor any token: personal, service, invite or reset (their paths are redacted).
  expect(log).not.toMatch(/\bcf[psir]_[A-Za-z0-9_-]{20,}/);
});

test("client bundles hold no server-side crypto or database code", () => {
  const bundles = files(join(process.cwd(), ".next", "static")).filter((f) => f.endsWith(".js"));
  expect(bundles.length).toBeGreaterThan(0);
  const forbidden = ["coffer:v1:", "coffer:dek:v1:", "wrappedDek", "pg_advisory_xact_lock", "argon2"];
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const marker of forbidden) expect(text.includes(marker), `${marker} found in ${file}`).toBe(false);
  }
});
