// `coffer run -- CMD ARGS…`: the `_FILE` convention without an agent. The
// service's secrets are written into a fresh private directory (0700, on
// $XDG_RUNTIME_DIR's tmpfs when there is one), CMD gets `<ENV>_FILE` for
// each binding with an env name, and the directory is removed when CMD
// exits, whether it succeeded, failed, or was interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { type CommandSpec, text } from "../args";
import type { Command } from "../command";
import { normalizeServer } from "../config-store";
import type { CliContext } from "../context";
import { CliError, UsageError } from "../errors";
import { ensureParents, writeFileAtomic } from "./atomic-file";
import { planDelivery } from "./delivery-plan";
import { fetchRuntimeSecrets, RuntimeError } from "./runtime-client";
import { readTokenFile } from "./token-file";
import type { DeliveredSecret } from "../../../contracts/src/runtime/delivery";

const spec: CommandSpec = {
  path: "run",
  usage: "[OPTIONS] -- COMMAND [ARG...]",
  summary: "Run a command with a service's secrets as files",
  args: { min: 0, max: 0 },
  passthrough: true,
  options: [
    { name: "server", type: "string", help: "Server URL (default: $COFFER_SERVER)" },
    { name: "token-file", type: "string", value: "file", help: "File holding the service token (cfs_…), mode 0600" },
    { name: "keep-env", type: "boolean", help: "Pass this environment on unchanged (see below)" },
    { name: "insecure-token-file", type: "boolean", help: "Accept a token file that group or others can access" },
  ],
  details: `The files go into a new 0700 directory, with each binding's mode (owned by you:
the command runs as you). COMMAND gets COFFER_SECRETS_DIR, and NAME_FILE for each binding
with env=NAME (the file, or the directory of a multi-key secret). Unless --keep-env is
given, COFFER_* variables (your own token) and a plain NAME next to NAME_FILE (images
treat them as exclusive) are not passed on. The exit code is COMMAND's (128+N for signal N).
Example:
  coffer run --server https://coffer.example.com --token-file db.token -- \\
    sh -c 'PGPASSWORD="$(cat "$DB_PASSWORD_FILE")" exec psql -h db app'`,
};

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
const signalCode = (signal: NodeJS.Signals) => 128 + (constants.signals[signal] ?? 0);

/** mkdtemp makes it 0700 already; said again so no umask or platform can widen it. */
async function privateDirectory(base: string): Promise<string> {
  try {
    const dir = await mkdtemp(join(base, "coffer-run-"));
    await chmod(dir, 0o700);
    return dir;
  } catch (error) {
    throw new CliError(`coffer run: cannot create a private directory in ${base}: ${(error as Error).message}`);
  }
}

async function writeSecrets(dir: string, secrets: DeliveredSecret[]): Promise<void> {
  const plan = planDelivery(secrets);
  if (plan.problems.length) throw new CliError(plan.problems.map((p) => `coffer run: ${p}`).join("\n"));
  for (const file of plan.files) {
    await ensureParents(dir, file.path, 0o700, () => {});
    await writeFileAtomic(join(dir, file.path), file.data, file.mode);
  }
}

export function childEnvironment(env: CliContext["env"], dir: string, secrets: DeliveredSecret[], keepEnv: boolean) {
  const named = secrets.filter((s) => s.envName);
  const dropped = (key: string) => key.startsWith("COFFER_") || named.some((s) => s.envName === key);
  const child: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && (keepEnv || !dropped(key))) child[key] = value;
  for (const secret of named) child[`${secret.envName}_FILE`] = join(dir, secret.target);
  child.COFFER_SECRETS_DIR = dir;
  return child;
}

function waitForExit(child: ChildProcess, command: string, ctx: CliContext): Promise<number> {
  return new Promise((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      // A shell's answers: 127 not found, 126 found but not runnable.
      ctx.stderr.write(`coffer run: ${command}: ${error.code === "ENOENT" ? "command not found" : error.message}\n`);
      resolve(error.code === "ENOENT" ? 127 : 126);
    });
    child.once("exit", (code, signal) => resolve(code ?? signalCode(signal!)));
  });
}

export const runWithSecretsCommand: Command = {
  spec,
  async run(ctx, { values, rest }) {
    const server = text(values, "server") ?? ctx.env.COFFER_SERVER;
    const tokenFile = text(values, "token-file");
    if (!server) throw new UsageError("--server URL is required (or set COFFER_SERVER)", spec.path);
    if (!tokenFile) throw new UsageError("--token-file is required", spec.path);
    const [command, ...args] = rest!;
    const token = await readTokenFile(tokenFile, { cwd: ctx.cwd, insecure: values["insecure-token-file"] === true });

    // Before CMD starts a signal stops us (after cleaning up); while it
    // runs, it is passed on and CMD decides, as `docker run` does.
    let child: ChildProcess | undefined;
    let interrupted: NodeJS.Signals | undefined;
    const controller = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (child) child.kill(signal);
      else {
        interrupted ??= signal;
        controller.abort();
      }
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
    let dir: string | undefined;
    try {
      const answer = await fetchRuntimeSecrets({ server: normalizeServer(server), token, signal: controller.signal });
      // (Without an ETag the answer is never "unchanged".)
      if (interrupted || !answer.changed) return signalCode(interrupted ?? "SIGTERM");
      dir = await privateDirectory(ctx.env.XDG_RUNTIME_DIR || tmpdir());
      await writeSecrets(dir, answer.body.secrets);
      if (interrupted) return signalCode(interrupted);
      const env = childEnvironment(ctx.env, dir, answer.body.secrets, values["keep-env"] === true);
      const started = spawn(command!, args, { stdio: "inherit", env: env as NodeJS.ProcessEnv, cwd: ctx.cwd });
      child = started;
      return await waitForExit(started, command!, ctx);
    } catch (error) {
      if (interrupted) return signalCode(interrupted);
      if (error instanceof RuntimeError) throw new CliError(`coffer run: ${error.message}`);
      throw error;
    } finally {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  },
};
