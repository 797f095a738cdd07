// `coffer service token rm SERVICE TOKEN_ID…`: revokes tokens. An agent
// using one gets 401 at its next poll and stops.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { ApiError, apiErrorLine } from "../errors";
import { connect } from "../session";
import { servicePath } from "./types";

const spec: CommandSpec = {
  path: "service token rm",
  aliases: ["remove", "revoke"],
  usage: "SERVICE TOKEN_ID [TOKEN_ID...]",
  summary: "Revoke tokens of a service",
  args: { min: 2, max: Infinity },
  options: [namespaceOption],
};

export const tokenRmCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const [service, ...ids] = positionals as [string, ...string[]];
    const client = await connect(ctx);
    const namespace = resolveNamespace(values, ctx.env);
    let failed = false;
    for (const id of ids) {
      try {
        await client.request("DELETE", servicePath(namespace, service, "tokens", id));
        ctx.stdout.write(`${id}\n`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        ctx.stderr.write(`${apiErrorLine(error)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
