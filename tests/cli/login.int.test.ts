import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { hashToken } from "../../lib/tokens/token-secret";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { type CofferServer, PASSWORD, startCoffer } from "./cli-server";

let server: CofferServer;
let configDir: string;

beforeAll(async () => {
  server = await startCoffer();
});
afterAll(() => server.close());
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), "coffer-cli-login-"));
  server.requests.length = 0;
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

const stored = async () => JSON.parse(await readFile(join(configDir, "config.json"), "utf8"));

/** The personal token the server made, found by the hash it keeps of the plaintext the CLI stored. */
async function issued(token: string) {
  return db.accessToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
}

describe("coffer login", () => {
  it("asks for email and a hidden password on a terminal, then stores server and token 0600", async () => {
    const result = await runCli(["login", "--server", `${server.url}/`], {
      configDir,
      stdinIsTTY: true,
      answers: ["ada@example.com", PASSWORD],
    });
    expect(result).toMatchObject({ code: 0, stdout: "Login Succeeded\n", stderr: "" });
    expect(result.prompts).toEqual([
      { question: "Email: ", hidden: false },
      { question: "Password: ", hidden: true },
    ]);
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/api/v1/auth/token" });
    expect(request.json).toEqual({ email: "ada@example.com", password: PASSWORD, name: `coffer-cli@${hostname()}` });
    expect(request.headers.authorization).toBeUndefined();
    const { token } = await stored();
    expect(await stored()).toEqual({ server: server.url, token: expect.stringMatching(/^cfp_/) });
    expect(await issued(token)).toMatchObject({ name: `coffer-cli@${hostname()}`, user: { email: "ada@example.com" } });
    expect((await stat(join(configDir, "config.json"))).mode & 0o777).toBe(0o600);
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it("reads the password from stdin with --password-stdin, dropping one trailing newline", async () => {
    const result = await runCli(
      ["login", "--server", server.url, "--email", "ada@example.com", "--password-stdin", "--token-name", "ci-job"],
      { configDir, stdin: `${PASSWORD}\n` },
    );
    expect(result).toMatchObject({ code: 0, stdout: "Login Succeeded\n" });
    expect(server.requests.at(-1)!.json).toEqual({ email: "ada@example.com", password: PASSWORD, name: "ci-job" });
  });

  it("needs --email with --password-stdin, and a terminal otherwise (docker's rules)", async () => {
    const noEmail = await runCli(["login", "--server", server.url, "--password-stdin"], { configDir, stdin: PASSWORD });
    expect(noEmail.code).toBe(1);
    expect(noEmail.stderr).toMatch(/^Must provide --email with --password-stdin\n/);
    const noTty = await runCli(["login", "--server", server.url], { configDir });
    expect(noTty).toMatchObject({ code: 1, stderr: "Cannot perform an interactive login from a non TTY device\n" });
    expect(server.requests).toEqual([]);
  });

  it("reports wrong credentials without a login hint and stores nothing", async () => {
    const result = await runCli(["login", "--server", server.url, "-e", "ada@example.com", "--password-stdin"], {
      configDir,
      stdin: "wrong",
    });
    expect(result).toMatchObject({ code: 1, stdout: "", stderr: "Error response from server: Wrong email or password.\n" });
    await expect(stat(join(configDir, "config.json"))).rejects.toThrow(/ENOENT/);
  });

  it("needs a server the first time", async () => {
    const result = await runCli(["login"], { configDir, stdinIsTTY: true, answers: [] });
    expect(result.stderr).toMatch(/^--server URL is required for the first login\n/);
  });
});

describe("a stored login", () => {
  const login = () =>
    runCli(["login", "--server", server.url, "--email", "ada@example.com", "--password-stdin"], { configDir, stdin: PASSWORD });

  it("is used by later commands, and logout removes the token but keeps the server", async () => {
    await login();
    const ls = await runCli(["secret", "ls", "-q"], { configDir });
    expect(ls).toMatchObject({ code: 0, stderr: "" });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${(await stored()).token}`);

    const logout = await runCli(["logout"], { configDir });
    expect(logout).toMatchObject({ code: 0, stdout: `Removing login credentials for ${server.url}\n` });
    expect(await stored()).toEqual({ server: server.url });
    expect((await runCli(["logout"], { configDir })).stdout).toBe(`Not logged in to ${server.url}\n`);

    const after = await runCli(["secret", "ls"], { configDir });
    expect(after).toMatchObject({ code: 1, stderr: `not logged in to ${server.url} (run: coffer login --server ${server.url})\n` });

    // The next login needs no --server.
    const again = await runCli(["login", "-e", "ada@example.com", "--password-stdin"], { configDir, stdin: PASSWORD });
    expect(again.stdout).toBe("Login Succeeded\n");
  });

  it("is overridden by COFFER_TOKEN", async () => {
    await login();
    await runCli(["secret", "ls"], { configDir, env: { COFFER_TOKEN: "cfp_from_env" } });
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer cfp_from_env");
  });
});
