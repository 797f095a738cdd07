// `coffer integration revoke ID|NAME…`: the plugin using one gets a refusal
// at its next call (a Swarm task does not start; the apiserver's KMS calls
// fail). Prints each one revoked, like `docker secret rm`; one failure
// does not stop the others, and makes the exit status 1.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { ApiError, apiErrorLine } from "../errors";
import { connect } from "../session";
import { findIntegration, listIntegrations, NoSuchIntegration } from "./find-integration";
import { integrationPath } from "./types";

const spec: CommandSpec = {
  path: "integration revoke",
  aliases: ["rm"],
  usage: "ID|NAME [ID|NAME...]",
  summary: "Revoke integrations",
  args: { min: 1, max: Infinity },
  options: [namespaceOption],
};

export const revokeCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const namespace = resolveNamespace(values, ctx.env);
    const client = await connect(ctx);
    const integrations = await listIntegrations(client, namespace);
    let failed = false;
    for (const ref of positionals) {
      try {
        const target = findIntegration(integrations, ref, namespace);
        await client.request("DELETE", integrationPath(namespace, target.id));
        ctx.stdout.write(`${ref}\n`);
      } catch (error) {
        if (error instanceof ApiError) ctx.stderr.write(`${apiErrorLine(error)}\n`);
        else if (error instanceof NoSuchIntegration) ctx.stderr.write(`${error.message}\n`);
        else throw error;
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
