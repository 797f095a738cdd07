// The API client for commands that need a signed-in user: server and token
// from the environment or the config file, or a clear "log in first".
import { createApiClient, type ApiClient } from "./api-client";
import { withApprovals } from "./approval-client";
import { readConfig, resolveCredentials } from "./config-store";
import type { CliContext } from "./context";
import { CliError } from "./errors";
import { cliVersion } from "./version";

export function userAgent(): string {
  return `coffer-cli/${cliVersion()}`;
}

export async function connect(ctx: CliContext): Promise<ApiClient> {
  const { server, token } = resolveCredentials(ctx.env, await readConfig(ctx.env));
  if (!server) throw new CliError("no Coffer server configured (run: coffer login --server URL, or set COFFER_SERVER)");
  if (!token) throw new CliError(`not logged in to ${server} (run: coffer login --server ${server})`);
  return withApprovals(createApiClient({ server, token, userAgent: userAgent() }), ctx);
}
