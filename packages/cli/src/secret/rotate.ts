// `coffer secret rotate`: new data for an existing secret, kept as a new
// version (docker has no equivalent: there one creates `db_pw_v2` and
// updates every service by hand).
import { type CommandSpec, list, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { connect } from "../session";
import { readSecretData } from "./secret-data";
import { secretPath, type SecretDetail } from "./types";

const spec: CommandSpec = {
  path: "secret rotate",
  usage: "[OPTIONS] SECRET [file|-]",
  summary: "Store new data for a secret as its next version",
  args: { min: 1, max: 2 },
  options: [
    { name: "from-file", type: "string", multiple: true, help: "Add a key from a file ([KEY=]PATH)" },
    { name: "from-literal", type: "string", multiple: true, help: "Add a key with a literal value (KEY=VALUE)" },
    namespaceOption,
  ],
  details: `The new version holds exactly the keys given. Example:
  openssl rand -base64 32 | coffer secret rotate db_password -`,
};

export const rotateCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const [name, source] = positionals as [string, string | undefined];
    const client = await connect(ctx);
    const data = await readSecretData(
      ctx,
      { source, fromFile: list(values, "from-file"), fromLiteral: list(values, "from-literal") },
      spec.path,
    );
    const secret = await client.request<SecretDetail>("POST", secretPath(resolveNamespace(values, ctx.env), name, "versions"), {
      body: { data },
    });
    ctx.stdout.write(`${secret.name} rotated to version ${secret.version}\n`);
    return 0;
  },
};
