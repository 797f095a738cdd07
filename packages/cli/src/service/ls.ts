// `coffer service ls`: docker's listing and --format, with how many secrets
// each service has bound and how many live tokens its agents hold.
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { formatOption, listOutput, quietOption } from "../format/list-output";
import { fetchAllPages, limitOption, parseLimit } from "../paged-list";
import { connect } from "../session";
import { defaultServiceTable, serviceHeaders, serviceRow } from "./service-fields";
import { servicePath, type ServiceSummary } from "./types";

const spec: CommandSpec = {
  path: "service ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  summary: "List services",
  args: { min: 0, max: 0 },
  options: [formatOption, quietOption, limitOption, namespaceOption],
  details: `Template fields: ${Object.keys(serviceHeaders)
    .map((f) => `.${f}`)
    .join(", ")}, .Label "KEY"
  (TOKENS counts tokens not revoked; CreatedSince/UpdatedSince are relative times)
Examples:
  coffer service ls --format '{{.Name}}\\t{{.Bindings}}'
  coffer service ls --format json`,
};

export const lsCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const output = listOutput(ctx, values, { headers: serviceHeaders, defaultTable: defaultServiceTable });
    const limit = parseLimit(text(values, "limit"), spec.path);
    const client = await connect(ctx);
    const services = await fetchAllPages<ServiceSummary, "services">(client, servicePath(resolveNamespace(values, ctx.env)), "services", {
      limit,
    });
    output.write(services, serviceRow);
    return 0;
  },
};
