// docker's `rm` behaviour, shared by `secret rm` and `service rm`: every
// name is tried, each removed one is printed, each failure reported, and
// the exit code says whether any failed.
import { type CommandSpec, namespaceOption, resolveNamespace } from "./args";
import type { Command } from "./command";
import { ApiError, apiErrorLine } from "./errors";
import { connect } from "./session";

export function removeCommand(spec: Omit<CommandSpec, "options" | "args">, pathOf: (namespace: string, name: string) => string): Command {
  return {
    spec: { ...spec, args: { min: 1, max: Infinity }, options: [namespaceOption] },
    async run(ctx, { values, positionals }) {
      const client = await connect(ctx);
      const namespace = resolveNamespace(values, ctx.env);
      let failed = false;
      for (const name of positionals) {
        try {
          await client.request("DELETE", pathOf(namespace, name));
          ctx.stdout.write(`${name}\n`);
        } catch (error) {
          // A connection failure would fail every name the same way: stop.
          if (!(error instanceof ApiError)) throw error;
          ctx.stderr.write(`${apiErrorLine(error)}\n`);
          failed = true;
        }
      }
      return failed ? 1 : 0;
    },
  };
}
