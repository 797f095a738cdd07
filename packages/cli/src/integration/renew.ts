// `coffer integration renew ID|NAME`: a new token for the same integration,
// for when the old one expires or leaks. The integration keeps its id, so a
// kube-apiserver's etcd data (bound to it) stays readable. The new token is
// the only thing on stdout; the old one is refused from now on.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { connect } from "../session";
import { expiryBody, expiryOptions } from "./expiry-options";
import { findIntegration, listIntegrations } from "./find-integration";
import { pluginHint } from "./plugin-hint";
import { integrationPath, type NewIntegration } from "./types";

const spec: CommandSpec = {
  path: "integration renew",
  usage: "[OPTIONS] ID|NAME",
  summary: "Replace an integration's token with a new one and print it",
  args: { min: 1, max: 1 },
  options: [...expiryOptions, namespaceOption],
  details: `The old token stops working at once: write the new one over the plugin's token file and restart the plugin:
  (umask 077; coffer integration renew prod-swarm > /etc/coffer/prod-swarm.token)
A revoked integration cannot be renewed: create a new one.`,
};

export const renewCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const body = expiryBody(values, spec.path);
    const namespace = resolveNamespace(values, ctx.env);
    const client = await connect(ctx);
    const target = findIntegration(await listIntegrations(client, namespace), positionals[0]!, namespace);
    const renewed = await client.request<NewIntegration>("POST", integrationPath(namespace, target.id, "token"), { body });
    ctx.stdout.write(`${renewed.token}\n`);
    ctx.stderr.write(pluginHint(renewed, client.server, true));
    return 0;
  },
};
