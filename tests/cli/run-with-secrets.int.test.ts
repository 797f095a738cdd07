// `coffer run` as a user runs it: bin/coffer.mjs as a child process (its
// exit code and signals are the point), against the product's routes.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runBin, startBin } from "../../packages/cli/src/test-support/run-bin";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { clearSecretsAndServices, type CofferServer, revokeServiceTokens, startCoffer } from "./cli-server";

const PW = "CANARY-run-pw";
let server: CofferServer;
let dir: string;
let runtimeDir: string;
let tokenFile: string;

const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { server, cwd: dir, ...options });
const runArgs = (...command: string[]) => ["run", "--server", server.url, "--token-file", tokenFile, "--", ...command];
const coffer = (argv: string[], env: Record<string, string> = {}) =>
  runBin(argv, { cwd: dir, env: { XDG_RUNTIME_DIR: runtimeDir, ...env } });

beforeAll(async () => {
  server = await startCoffer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await clearSecretsAndServices();
  dir = await mkdtemp(join(tmpdir(), "coffer-run-test-"));
  runtimeDir = await mkdtemp(join(tmpdir(), "coffer-xdg-"));
  await cli(["secret", "create", "db_pw", "-"], { stdin: PW });
  await cli(["secret", "create", "tls", "--from-literal", "tls.crt=CERT", "--from-literal", "tls.key=KEY"]);
  await cli(["service", "create", "db"]);
  await cli([
    "service",
    "update",
    "db",
    "--secret-add",
    "source=db_pw,target=db_password,uid=1000,gid=1000,mode=0400,env=DB_PASSWORD",
    "--secret-add",
    "source=tls,target=certs/tls,env=TLS",
  ]);
  tokenFile = join(dir, "db.token");
  await writeFile(tokenFile, (await cli(["service", "token", "create", "db"])).stdout, { mode: 0o600 });
  server.requests.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(runtimeDir, { recursive: true, force: true });
});

// A child process per run: slow on a busy machine.
describe("coffer run", { timeout: 30_000 }, () => {
  it("gives the command NAME_FILE paths in a private directory, passes its exit code, and removes the files", async () => {
    const script = [
      'cat "$DB_PASSWORD_FILE"; echo',
      'echo "$COFFER_SECRETS_DIR"',
      'stat -c "%a" "$COFFER_SECRETS_DIR" "$DB_PASSWORD_FILE"',
      'ls "$TLS_FILE"; cat "$TLS_FILE/tls.key"; echo',
      'echo "$DB_PASSWORD_FILE $TLS_FILE"',
      "exit 7",
    ].join("\n");
    const result = await coffer(runArgs("sh", "-c", script));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(7);
    const [value, secretsDir, dirMode, fileMode, ...rest] = result.stdout.trimEnd().split("\n");
    expect(value).toBe(PW);
    expect(secretsDir).toMatch(new RegExp(`^${runtimeDir}/coffer-run-\\w+$`));
    expect([dirMode, fileMode]).toEqual(["700", "400"]);
    expect(rest).toEqual(["tls.crt", "tls.key", "KEY", `${secretsDir}/db_password ${secretsDir}/certs/tls`]);
    expect(existsSync(secretsDir!)).toBe(false);
    expect(await readdir(runtimeDir)).toEqual([]);
  });

  it("exits 128+N when the command dies of signal N, as shells do", async () => {
    expect((await coffer(runArgs("sh", "-c", "kill -TERM $$"))).code).toBe(143);
    expect((await coffer(runArgs("sh", "-c", "exit 0"))).code).toBe(0);
    expect(await readdir(runtimeDir)).toEqual([]);
  });

  it("passes SIGTERM on to the command and still removes the directory", async () => {
    const running = startBin(runArgs("sh", "-c", 'echo "$COFFER_SECRETS_DIR"; exec sleep 30'), {
      cwd: dir,
      env: { XDG_RUNTIME_DIR: runtimeDir },
    });
    const until = Date.now() + 10_000;
    while (!running.output.stdout.includes("\n") && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const secretsDir = running.output.stdout.trim();
    expect(existsSync(join(secretsDir, "db_password"))).toBe(true);
    running.child.kill("SIGTERM");
    expect(await running.exit).toEqual({ code: 143, signal: null });
    expect(existsSync(secretsDir)).toBe(false);
    expect(await readdir(runtimeDir)).toEqual([]);
  });

  it("keeps its own credentials and a clashing plain NAME from the command, unless --keep-env", async () => {
    const env = { COFFER_TOKEN: "cfp_personal", COFFER_SERVER: server.url, DB_PASSWORD: "plain", OTHER: "kept" };
    const show = 'echo "${COFFER_TOKEN-unset} ${COFFER_SERVER-unset} ${DB_PASSWORD-unset} ${OTHER-unset} ${DB_PASSWORD_FILE:+set}"';
    expect((await coffer(runArgs("sh", "-c", show), env)).stdout).toBe("unset unset unset kept set\n");
    const kept = await coffer(["run", "--keep-env", "--token-file", tokenFile, "--", "sh", "-c", show], env);
    expect(kept.stdout).toBe(`cfp_personal ${server.url} plain kept set\n`);
  });

  it("says when the command cannot be found (127) and cleans up", async () => {
    const result = await coffer(runArgs("no-such-command-x", "arg"));
    expect(result).toMatchObject({ code: 127, stderr: "coffer run: no-such-command-x: command not found\n" });
    expect(await readdir(runtimeDir)).toEqual([]);
  });

  it("runs nothing when the token is refused", async () => {
    await revokeServiceTokens(server, "default", "db");
    const result = await coffer(runArgs("sh", "-c", "echo ran"));
    expect(result).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "coffer run: the server refused the service token: the service token is revoked\n",
    });
    expect(await readdir(runtimeDir)).toEqual([]);
  });

  it("requires -- before the command", async () => {
    const result = await cli(["run", "--token-file", tokenFile, "sh", "-c", "true"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "\"coffer run\" requires -- before the command to run\nSee 'coffer run --help'.\n\n" +
        "Usage:  coffer run [OPTIONS] -- COMMAND [ARG...]\n\nRun a command with a service's secrets as files\n",
    );
    expect((await cli(["run", "--token-file", tokenFile, "--"])).stderr).toMatch(/^"coffer run" requires a command after --\n/);
    expect((await cli(["run", "--token-file", tokenFile, "x", "--", "true"])).stderr).toMatch(/^"coffer run" accepts no arguments\.\n/);
    // --help after -- belongs to the command.
    expect((await cli(["run", "--help"])).stdout).toContain("Usage:  coffer run [OPTIONS] -- COMMAND [ARG...]");
    expect(server.requests.filter((r) => r.url === "/api/v1/runtime/secrets")).toEqual([]);
  });
});
