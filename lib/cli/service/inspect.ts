// `coffer service inspect`: a JSON array of docker-shaped services, or with
// --pretty docker's readable block. Like docker, names that fail do not hide
// the ones that worked.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { ApiError, apiErrorLine } from "../errors";
import { connect } from "../session";
import { dockerInspect, prettyInspect } from "./inspect-view";
import { servicePath, type ServiceDetail } from "./types";

const spec: CommandSpec = {
  path: "service inspect",
  usage: "[OPTIONS] SERVICE [SERVICE...]",
  summary: "Display detailed information on one or more services",
  args: { min: 1, max: Infinity },
  options: [
    { name: "pretty", type: "boolean", help: "Print the information in a human friendly format" },
    namespaceOption,
  ],
};

export const inspectCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    const namespace = resolveNamespace(values, ctx.env);
    const found: ServiceDetail[] = [];
    const failures: string[] = [];
    for (const name of positionals) {
      try {
        found.push(await client.request<ServiceDetail>("GET", servicePath(namespace, name)));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failures.push(apiErrorLine(error));
      }
    }

    if (values.pretty) ctx.stdout.write(found.map(prettyInspect).join("\n"));
    else ctx.stdout.write(`${JSON.stringify(found.map(dockerInspect), null, 2)}\n`);
    for (const line of failures) ctx.stderr.write(`${line}\n`);
    return failures.length ? 1 : 0;
  },
};
