// `coffer integration ls`: the namespace's integrations, revoked ones
// included, metadata only (the prefix recognises a token file without
// revealing it). docker's listing and --format, like `service ls`.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { formatOption, listOutput, quietOption } from "../format/list-output";
import { connect } from "../session";
import { listIntegrations } from "./find-integration";
import { defaultIntegrationTable, integrationHeaders, integrationRow } from "./integration-fields";

const spec: CommandSpec = {
  path: "integration ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  summary: "List integrations",
  args: { min: 0, max: 0 },
  options: [formatOption, quietOption, namespaceOption],
  details: `Template fields: ${Object.keys(integrationHeaders)
    .map((f) => `.${f}`)
    .join(", ")}
  (STATE is active, expired or revoked; CreatedSince/LastUsedSince are relative times)
Examples:
  coffer integration ls --format '{{.Name}}\\t{{.State}}\\t{{.ExpiresAt}}'
  coffer integration ls --format json`,
};

export const lsCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const output = listOutput(ctx, values, { headers: integrationHeaders, defaultTable: defaultIntegrationTable });
    const client = await connect(ctx);
    output.write(await listIntegrations(client, resolveNamespace(values, ctx.env)), integrationRow);
    return 0;
  },
};
