// docker's `inspect` behaviour, shared by `secret inspect` and `service
// inspect`: a JSON array of what was found (possibly `[]`) or, with
// --pretty, readable blocks; names that fail do not hide the ones that
// worked, and the exit code says whether any failed.
import { type CommandSpec, namespaceOption, resolveNamespace } from "./args";
import type { Command } from "./command";
import { ApiError, apiErrorLine } from "./errors";
import { connect } from "./session";

export type InspectViews<T> = {
  pathOf(namespace: string, name: string): string;
  json(found: T): unknown;
  pretty(found: T): string;
};

export function inspectCommand<T>(spec: Omit<CommandSpec, "options" | "args">, views: InspectViews<T>): Command {
  return {
    spec: {
      ...spec,
      args: { min: 1, max: Infinity },
      options: [{ name: "pretty", type: "boolean", help: "Print the information in a human friendly format" }, namespaceOption],
    },
    async run(ctx, { values, positionals }) {
      const client = await connect(ctx);
      const namespace = resolveNamespace(values, ctx.env);
      const found: T[] = [];
      const failures: string[] = [];
      for (const name of positionals) {
        try {
          found.push(await client.request<T>("GET", views.pathOf(namespace, name)));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          failures.push(apiErrorLine(error));
        }
      }
      if (values.pretty) ctx.stdout.write(found.map((item) => views.pretty(item)).join("\n"));
      else
        ctx.stdout.write(
          `${JSON.stringify(
            found.map((item) => views.json(item)),
            null,
            2,
          )}\n`,
        );
      for (const line of failures) ctx.stderr.write(`${line}\n`);
      return failures.length ? 1 : 0;
    },
  };
}
