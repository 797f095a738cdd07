// `coffer secret inspect`: docker's JSON array (its `inspect` object per
// secret) or, with --pretty, docker's readable block plus Coffer's fields.
// Like docker, names that fail do not hide the ones that worked.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { ApiError, apiErrorLine } from "../errors";
import { connect } from "../session";
import { prettyInspect } from "./pretty-inspect";
import { secretPath, type SecretDetail } from "./types";

const spec: CommandSpec = {
  path: "secret inspect",
  usage: "[OPTIONS] SECRET [SECRET...]",
  summary: "Display detailed information on one or more secrets",
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
    const found: SecretDetail[] = [];
    const failures: string[] = [];
    for (const name of positionals) {
      try {
        found.push(await client.request<SecretDetail>("GET", secretPath(namespace, name)));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failures.push(apiErrorLine(error));
      }
    }

    if (values.pretty) ctx.stdout.write(found.map(prettyInspect).join("\n"));
    // docker prints the array (possibly `[]`) even when some names failed.
    else ctx.stdout.write(`${JSON.stringify(found.map((secret) => secret.inspect), null, 2)}\n`);
    for (const line of failures) ctx.stderr.write(`${line}\n`);
    return failures.length ? 1 : 0;
  },
};
