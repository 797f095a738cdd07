// `coffer service rm`: docker's behaviour: every name is tried, each removed
// one printed, each failure reported. The service's bindings and tokens go
// with it (its agents get 401 and stop); the secrets stay.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { ApiError, apiErrorLine } from "../errors";
import { connect } from "../session";
import { servicePath } from "./types";

const spec: CommandSpec = {
  path: "service rm",
  aliases: ["remove"],
  usage: "SERVICE [SERVICE...]",
  summary: "Remove one or more services",
  args: { min: 1, max: Infinity },
  options: [namespaceOption],
};

export const rmCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    const namespace = resolveNamespace(values, ctx.env);
    let failed = false;
    for (const name of positionals) {
      try {
        await client.request("DELETE", servicePath(namespace, name));
        ctx.stdout.write(`${name}\n`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        ctx.stderr.write(`${apiErrorLine(error)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
