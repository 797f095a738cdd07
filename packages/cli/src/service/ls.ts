// `coffer service ls`: docker's listing and --format, with how many secrets
// each service has bound and how many live tokens its agents hold.
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { parseTemplate, type Template } from "../format/template";
import { connect } from "../session";
import { defaultServiceTable, serviceHeaders, serviceRow } from "./service-fields";
import { servicePath, type ServiceSummary } from "./types";

const spec: CommandSpec = {
  path: "service ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  summary: "List services",
  args: { min: 0, max: 0 },
  options: [
    { name: "format", type: "string", help: "Format output using a custom template, 'table', or 'json'" },
    { name: "quiet", short: "q", type: "boolean", help: "Only display IDs" },
    namespaceOption,
  ],
  details: `Template fields: ${Object.keys(serviceHeaders)
    .map((f) => `.${f}`)
    .join(", ")}, .Label "KEY"
  (TOKENS counts tokens not revoked; CreatedSince/UpdatedSince are relative times)
Examples:
  coffer service ls --format '{{.Name}}\\t{{.Bindings}}'
  coffer service ls --format json`,
};

export function serviceListTemplate(format: string | undefined, quiet: boolean): Template {
  if (quiet) return parseTemplate("{{.ID}}", serviceHeaders);
  if (!format || format === "table") return parseTemplate(defaultServiceTable, serviceHeaders);
  if (format === "json") return parseTemplate("{{json .}}", serviceHeaders);
  return parseTemplate(format, serviceHeaders);
}

const byName = new Intl.Collator("en", { numeric: true });

export const lsCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const quiet = values.quiet === true;
    const format = text(values, "format");
    if (quiet && format) ctx.stderr.write("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    const template = serviceListTemplate(format, quiet);

    const client = await connect(ctx);
    const { services } = await client.request<{ services: ServiceSummary[] }>("GET", servicePath(resolveNamespace(values, ctx.env)));
    const now = ctx.now();
    const sorted = [...services].sort((a, b) => byName.compare(a.name, b.name));
    ctx.stdout.write(template.render(sorted.map((service) => serviceRow(service, now))));
    return 0;
  },
};
