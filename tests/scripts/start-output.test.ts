// Regression (issue 17): the human lines of `npm start` were lost among
// JSON log lines. Starts the built server as `npm start` does, on an
// embedded database in a temporary directory, and reads its output.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serverProcess } from "../../scripts/server-process.mjs";

const root = process.cwd();
const built = existsSync(join(root, ".next", "coffer-server", "server.mjs"));
// npm test builds before it runs vitest (scripts/test.mjs), so under CI a missing build is a failure, not a skip.
if (!built && process.env.CI) throw new Error("no build in .next: npm test builds before the tests; run `npm run build`");
const dir = mkdtempSync(join(tmpdir(), "coffer-start-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startAndRead(port: number): Promise<string> {
  const base: Record<string, string | undefined> = { ...process.env, COFFER_LOG_LEVEL: "info", COFFER_LOG_FORMAT: "" };
  delete base.DATABASE_URL;
  const command = serverProcess(
    { ...base, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", COFFER_DATA_DIR: join(dir, "data") },
    root,
  );
  const child = spawn(process.execPath, command.args, { cwd: root, env: command.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (let i = 0; i < 240 && child.exitCode === null; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await fetch(`http://127.0.0.1:${port}/login`);
    await new Promise((r) => setTimeout(r, 500));
    return output;
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
}

describe.skipIf(!built)("npm start output", () => {
  it("is one human line per step, with the URL and the setup token, and no JSON or request lines", { timeout: 90_000 }, async () => {
    const output = await startAndRead(3000 + (process.pid % 1000) + 5000);
    const lines = output.split("\n").filter((line) => line.trim());
    expect(
      lines.filter((line) => line.startsWith("{")),
      output,
    ).toEqual([]);
    expect(output).not.toMatch(/"msg":"request"/);
    expect(output).toMatch(/^coffer: database: embedded PGlite \(\d+ migrations applied\)$/m);
    expect(output).toMatch(/^coffer: listening on http:\/\/(localhost|127\.0\.0\.1):\d+ /m);
    expect(output).toMatch(/^coffer: setup token: .*enter this one-time setup token: \S+$/m);
    expect(lines.filter((line) => line.startsWith("coffer: listening")).length).toBe(1);
  });
});
