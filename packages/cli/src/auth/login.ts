// `coffer login`: exchanges email and password for a personal API token
// (POST /api/v1/auth/token) and stores only the token, never the password.
// Interactive on a terminal; for scripts, docker's --password-stdin. A
// second factor is asked for when the server answers mfa_required, or
// given with --otp.
import { hostname } from "node:os";
import { type CommandSpec, text } from "../args";
import { createApiClient } from "../api-client";
import type { Command } from "../command";
import { normalizeServer, readConfig, writeConfig } from "../config-store";
import type { CliContext } from "../context";
import { ApiError, apiErrorLine, CliError, UsageError } from "../errors";
import { readStdin } from "../secret/secret-data";
import { userAgent } from "../session";

const spec: CommandSpec = {
  path: "login",
  usage: "[OPTIONS]",
  summary: "Log in to a Coffer server",
  args: { min: 0, max: 0 },
  options: [
    { name: "server", type: "string", help: "Server URL, e.g. https://coffer.example.com (default: $COFFER_SERVER or the last one)" },
    { name: "email", short: "e", type: "string", help: "Email" },
    { name: "password-stdin", type: "boolean", help: "Take the password from stdin" },
    { name: "token-name", type: "string", help: "Name of the API token created for this login (default: coffer-cli@HOSTNAME)" },
    {
      name: "otp",
      type: "string",
      help: "One-time code from your authenticator app, or a recovery code (asked for on a terminal when needed)",
    },
  ],
  details: `Example for scripts:
  cat ~/coffer_password.txt | coffer login --server https://coffer.example.com --email me@example.com --password-stdin
With two-factor sign-in on, add --otp CODE (a terminal is asked for it).`,
};

type TokenAnswer = { token: string; id: string; name: string; expiresAt: string | null };

async function askCredentials(ctx: CliContext, email: string | undefined, passwordStdin: boolean) {
  if (passwordStdin) {
    if (!email) throw new UsageError("Must provide --email with --password-stdin", spec.path);
    // docker strips one trailing newline (`echo "$PW" | … --password-stdin`).
    const password = (await readStdin(ctx.stdin)).toString("utf8").replace(/\n$/, "").replace(/\r$/, "");
    return { email, password };
  }
  if (!ctx.stdinIsTTY) throw new CliError("Cannot perform an interactive login from a non TTY device");
  const prompter = ctx.prompter();
  try {
    const answer = email ?? (await prompter.ask("Email: ")).trim();
    return { email: answer, password: await prompter.askHidden("Password: ") };
  } finally {
    prompter.close();
  }
}

async function askCode(ctx: CliContext): Promise<string> {
  const prompter = ctx.prompter();
  try {
    return (await prompter.ask("Two-factor code (or recovery code): ")).trim();
  } finally {
    prompter.close();
  }
}

function isLoopback(server: string): boolean {
  const host = new URL(server).hostname;
  return host === "localhost" || host === "[::1]" || /^127\./.test(host);
}

export const loginCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const stored = await readConfig(ctx.env);
    const given = text(values, "server") ?? ctx.env.COFFER_SERVER ?? stored.server;
    if (!given) throw new UsageError("--server URL is required for the first login", spec.path);
    const server = normalizeServer(given);

    const { email, password } = await askCredentials(ctx, text(values, "email"), values["password-stdin"] === true);
    if (!email) throw new CliError("Error: Non-null Email Required");
    if (!password) throw new CliError("Error: Non-null Password Required");
    if (!server.startsWith("https:") && !isLoopback(server)) {
      ctx.stderr.write(`WARNING! Sending your password to ${server} without TLS (use https://).\n`);
    }

    const client = createApiClient({ server, token: null, userAgent: userAgent() });
    const name = text(values, "token-name") ?? `coffer-cli@${hostname()}`;
    const exchange = (otp: string | undefined) =>
      client.request<TokenAnswer>("POST", "/api/v1/auth/token", { body: { email, password, name, ...(otp ? { otp } : {}) } });
    let answer: TokenAnswer;
    try {
      const otp = text(values, "otp");
      answer = await exchange(otp).catch(async (error: unknown) => {
        // The password was right and the account has a second factor: ask once, as a terminal can.
        if (!(error instanceof ApiError && error.code === "mfa_required") || otp) throw error;
        if (!ctx.stdinIsTTY) throw new CliError("This account has two-factor sign-in: pass --otp CODE");
        return exchange(await askCode(ctx));
      });
    } catch (error) {
      // A 401 here means wrong credentials: "run coffer login" would be no help.
      if (error instanceof ApiError) throw new CliError(apiErrorLine(error, false));
      throw error;
    }
    await writeConfig(ctx.env, { server, token: answer.token });
    if (ctx.env.COFFER_TOKEN) ctx.stderr.write("WARNING! COFFER_TOKEN is set and takes precedence over this login.\n");
    ctx.stdout.write("Login Succeeded\n");
    return 0;
  },
};
