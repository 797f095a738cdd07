// `coffer integration create KIND NAME`: a credential for a Swarm's secret
// driver or a kube-apiserver's KMS plugin. The token is the only thing on
// stdout, so `> prod-swarm.token` stores exactly it; the rest goes to stderr.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { connect } from "../session";
import { expiryBody, expiryOptions } from "./expiry-options";
import { pluginHint } from "./plugin-hint";
import { INTEGRATION_KINDS, integrationPath, type NewIntegration } from "./types";

const spec: CommandSpec = {
  path: "integration create",
  usage: "[OPTIONS] KIND NAME",
  summary: "Create an integration and print its token",
  args: { min: 2, max: 2 },
  options: [...expiryOptions, namespaceOption],
  details: `KIND is one of: ${INTEGRATION_KINDS.join(", ")}
The token is printed once, alone on stdout; store it in a file only the plugin's user can read:
  (umask 077; coffer integration create docker-swarm prod-swarm > /etc/coffer/prod-swarm.token)
  coffer docker-plugin --server https://coffer.example.com --token-file /etc/coffer/prod-swarm.token`,
};

export const createCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const [kind, name] = positionals as [string, string];
    // The server names a wrong kind too; saying it here keeps the usage line beside it.
    if (!(INTEGRATION_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`invalid argument "${kind}" for KIND: expected one of ${INTEGRATION_KINDS.join(", ")}`, spec.path);
    }
    const body = { kind, name, ...expiryBody(values, spec.path) };
    const client = await connect(ctx);
    const made = await client.request<NewIntegration>("POST", integrationPath(resolveNamespace(values, ctx.env)), { body });
    ctx.stdout.write(`${made.token}\n`);
    ctx.stderr.write(pluginHint(made, client.server, false));
    return 0;
  },
};
