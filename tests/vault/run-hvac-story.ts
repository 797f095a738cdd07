// Runs tests/vault/hvac_story.py with Debian's python3 and python3-hvac
// (scripts/test.mjs installs it), for the vitest story and the e2e one.
// Plain Node, no lib imports: the Playwright spec uses it too.
import { execFile } from "node:child_process";
import { join } from "node:path";

/** One step of the story: what hvac returned, or the exception it raised. */
// The answers are Vault's JSON, checked field by field in the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HvacStep = { ok?: any; error?: string; errors?: string[] | null; message?: string };
export type HvacRecord = Record<string, HvacStep>;

const SCRIPT = join(process.cwd(), "tests", "vault", "hvac_story.py");

/** `story` is "full" or "short"; env carries VAULT_ADDR, VAULT_TOKEN and the COFFER_* names the script reads. */
export function runHvacStory(story: "full" | "short", env: Record<string, string>): Promise<HvacRecord> {
  // Only what the script needs: no inherited VAULT_* or proxy settings change what hvac sends.
  const childEnv = {
    NODE_ENV: "test" as const,
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    PYTHONDONTWRITEBYTECODE: "1",
    NO_PROXY: "*",
    ...env,
  };
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/python3", [SCRIPT, story], { env: childEnv, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`hvac_story.py ${story} failed (${error.message}):\n${stderr}`));
      try {
        resolve(JSON.parse(stdout) as HvacRecord);
      } catch {
        reject(new Error(`hvac_story.py ${story} printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
  });
}
