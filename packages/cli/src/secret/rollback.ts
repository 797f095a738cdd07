// `coffer secret rollback NAME --to N`: the server adds a new version with
// version N's data (history is never rewritten), and we say so.
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { connect } from "../session";
import { secretPath, type SecretDetail } from "./types";

const spec: CommandSpec = {
  path: "secret rollback",
  usage: "[OPTIONS] SECRET --to VERSION",
  summary: "Make an earlier version's data current again",
  args: { min: 1, max: 1 },
  options: [{ name: "to", type: "string", value: "int", help: "Version whose data to restore (required)" }, namespaceOption],
};

export function targetVersion(to: string | undefined): number {
  if (to === undefined) throw new UsageError('required flag(s) "to" not set', spec.path);
  if (!/^[1-9][0-9]*$/.test(to)) {
    throw new UsageError(`invalid argument "${to}" for "--to": expected a version number (1, 2, …)`, spec.path);
  }
  return Number(to);
}

export const rollbackCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const version = targetVersion(text(values, "to"));
    const client = await connect(ctx);
    const secret = await client.request<SecretDetail>("POST", secretPath(resolveNamespace(values, ctx.env), positionals[0]!, "rollback"), {
      body: { version },
    });
    ctx.stdout.write(`${secret.name} rolled back: version ${secret.version} has the data of version ${version}\n`);
    return 0;
  },
};
