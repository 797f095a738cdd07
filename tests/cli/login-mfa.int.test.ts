// `coffer login` against an account with TOTP: the server's 401
// mfa_required makes a terminal ask for the code; scripts pass --otp.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { confirmTotp } from "../../lib/auth/mfa/confirm-totp";
import { enrollTotp } from "../../lib/auth/mfa/enroll-totp";
import { base32Decode, hotp, timeStep } from "../../lib/auth/mfa/totp";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { createUser, testContext } from "../support/factories";
import { type CofferServer, PASSWORD, startCoffer } from "./cli-server";

let server: CofferServer;
let configDir: string;
let secret: string;
const EMAIL = "totp-cli@example.com";
const code = (offset: number) => hotp(base32Decode(secret), timeStep(new Date()) + offset);

beforeAll(async () => {
  server = await startCoffer();
  const { user } = await createUser(EMAIL);
  const actor = userActor(user, testContext);
  secret = (await enrollTotp(actor)).secret;
  await confirmTotp(actor, { code: code(-1) });
});
afterAll(() => server.close());
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), "coffer-cli-mfa-"));
  return () => rm(configDir, { recursive: true, force: true });
});

const stored = async () => JSON.parse(await readFile(join(configDir, "config.json"), "utf8"));

describe("coffer login with two-factor sign-in", () => {
  it("asks a terminal for the code after the server says mfa_required", async () => {
    const result = await runCli(["login", "--server", server.url], { configDir, stdinIsTTY: true, answers: [EMAIL, PASSWORD, code(0)] });
    expect(result).toMatchObject({ code: 0, stdout: "Login Succeeded\n", stderr: "" });
    expect(result.prompts.map((p) => p.question)).toEqual(["Email: ", "Password: ", "Two-factor code (or recovery code): "]);
    expect(server.requests.at(-1)!.json).toMatchObject({ email: EMAIL, otp: code(0) });
    expect((await stored()).token).toMatch(/^cfp_/);
  });

  it("takes --otp for scripts, and says so when it is missing", async () => {
    const missing = await runCli(["login", "--server", server.url, "-e", EMAIL, "--password-stdin"], { configDir, stdin: PASSWORD });
    expect(missing).toMatchObject({ code: 1, stderr: "This account has two-factor sign-in: pass --otp CODE\n" });
    const given = await runCli(["login", "--server", server.url, "-e", EMAIL, "--password-stdin", "--otp", code(1)], {
      configDir,
      stdin: PASSWORD,
    });
    expect(given).toMatchObject({ code: 0, stdout: "Login Succeeded\n" });
    // The same code again is a replay: refused, with the server's message.
    const replay = await runCli(["login", "--server", server.url, "-e", EMAIL, "--password-stdin", "--otp", code(1)], {
      configDir,
      stdin: PASSWORD,
    });
    expect(replay).toMatchObject({ code: 1, stderr: "Error response from server: Wrong or expired code.\n" });
  });
});
