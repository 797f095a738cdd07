// Runs the installed-style CLI (bin/coffer.mjs) as a child process, the
// way a user or a CI job does. The environment is built from scratch (PATH
// only) so a developer's own COFFER_* settings and ~/.config cannot leak in.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

export const COFFER_BIN = fileURLToPath(new URL("../../../../bin/coffer.mjs", import.meta.url));

export type BinResult = { code: number | null; stdout: string; stderr: string };

export function runBin(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string | Buffer; cwd?: string; direct?: boolean } = {},
): Promise<BinResult> {
  // `direct` runs the file itself (shebang and exec bit), as npm's bin link does.
  const command = options.direct ? COFFER_BIN : process.execPath;
  const argv = options.direct ? args : [COFFER_BIN, ...args];
  const child = spawn(command, argv, {
    cwd: options.cwd ?? tmpdir(),
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts the CLI as a child process and leaves it running, for tests that
 * signal it: output so far, and its exit (code, or signal) when it comes.
 */
export function startBin(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [COFFER_BIN, ...args], {
    cwd: options.cwd ?? tmpdir(),
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output.stderr += chunk));
  child.stdin.end();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    // "close", not "exit": only then has all of its output been read.
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { child, output, exit };
}
