// `coffer service token create SERVICE`: a token for the service's agent.
// The server shows the plaintext once; it is the only thing on stdout, so
// `coffer service token create db > db.token` stores exactly the token.
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { connect } from "../session";
import { servicePath, type NewServiceToken } from "./types";

const spec: CommandSpec = {
  path: "service token create",
  usage: "[OPTIONS] SERVICE",
  summary: "Create a token for a service's agent",
  args: { min: 1, max: 1 },
  options: [
    { name: "name", type: "string", help: 'Name of the token (default "agent")' },
    { name: "expires-in-days", type: "string", value: "int", help: "Days until the token expires, 1-3650 (default 365)" },
    namespaceOption,
  ],
  details: `The token is printed once, alone on stdout; store it in a file only its user can read:
  (umask 077; coffer service token create --name web-1 db > /etc/coffer/db.token)
  coffer agent --server https://coffer.example.com --token-file /etc/coffer/db.token --dir /run/secrets --watch`,
};

export const tokenCreateCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const service = positionals[0]!;
    const days = text(values, "expires-in-days");
    if (days !== undefined && !/^\d+$/.test(days)) {
      throw new UsageError(`invalid argument "${days}" for "--expires-in-days": expected a whole number of days`, spec.path);
    }
    const name = text(values, "name");
    const body = { ...(name !== undefined ? { name } : {}), ...(days !== undefined ? { expiresInDays: Number(days) } : {}) };
    const client = await connect(ctx);
    const created = await client.request<NewServiceToken>("POST", servicePath(resolveNamespace(values, ctx.env), service, "tokens"), {
      body,
    });
    ctx.stdout.write(`${created.token}\n`);
    const expires = created.expiresAt ? `expires ${created.expiresAt}` : "does not expire";
    ctx.stderr.write(`Created token ${created.id} (${created.name}) for service ${service}; it ${expires}. It is not shown again.\n`);
    return 0;
  },
};
