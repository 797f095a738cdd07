// `coffer logout [SERVER]`: forgets the stored token (docker logout). The
// server is kept, so the next `coffer login` needs no --server.
import type { CommandSpec } from "../args";
import type { Command } from "../command";
import { normalizeServer, readConfig, writeConfig } from "../config-store";

const spec: CommandSpec = {
  path: "logout",
  usage: "[SERVER]",
  summary: "Log out from a Coffer server",
  args: { min: 0, max: 1 },
  options: [],
};

export const logoutCommand: Command = {
  spec,
  async run(ctx, { positionals }) {
    const stored = await readConfig(ctx.env);
    const server = positionals[0] ? normalizeServer(positionals[0]) : stored.server;
    if (!stored.token || !server || server !== stored.server) {
      ctx.stdout.write(`Not logged in to ${server ?? "any server"}\n`);
      return 0;
    }
    await writeConfig(ctx.env, { server });
    ctx.stdout.write(`Removing login credentials for ${server}\n`);
    return 0;
  },
};
