// `coffer secret ls`: docker's listing, filters and --format, with Coffer's
// TYPE and VERSION columns.
import { type CommandSpec, list, namespaceOption, resolveNamespace, splitKeyValue, text } from "../args";
import type { Command } from "../command";
import type { Query } from "../api-client";
import { UsageError } from "../errors";
import { parseTemplate, type Template } from "../format/template";
import { connect } from "../session";
import { defaultSecretTable, secretHeaders, secretRow } from "./secret-fields";
import { secretPath, type SecretSummary } from "./types";

const spec: CommandSpec = {
  path: "secret ls",
  aliases: ["list"],
  usage: "[OPTIONS]",
  summary: "List secrets",
  args: { min: 0, max: 0 },
  options: [
    { name: "filter", short: "f", type: "string", multiple: true, value: "filter", help: "Filter output based on conditions provided" },
    { name: "format", type: "string", help: "Format output using a custom template, 'table', or 'json'" },
    { name: "quiet", short: "q", type: "boolean", help: "Only display IDs" },
    namespaceOption,
  ],
  details: `Filters:
  name=PREFIX           names starting with PREFIX
  label=KEY             secrets with the label KEY
  label=KEY=VALUE       secrets with the label KEY set to VALUE

Template fields: ${Object.keys(secretHeaders)
    .map((f) => `.${f}`)
    .join(", ")}, .Label "KEY"
  (CreatedAt/UpdatedAt are ISO times, CreatedSince/UpdatedSince relative ones)
Examples:
  coffer secret ls --filter label=env=prod --format '{{.ID}}\\t{{.Name}}'
  coffer secret ls --format json`,
};

// Only filters the API knows: a misspelt one silently ignored by a server
// would list everything, and `ls -q | xargs coffer secret rm` would then
// remove too much.
const FILTER_KEYS = ["name", "label"];

export function filterQuery(filters: string[]): Query {
  return filters.map((filter) => {
    const { key } = splitKeyValue(filter, "filter", spec.path);
    if (!FILTER_KEYS.includes(key)) {
      throw new UsageError(`invalid filter '${key}' (use ${FILTER_KEYS.map((k) => `${k}=…`).join(" or ")})`, spec.path);
    }
    return ["filter", filter];
  });
}

export function listTemplate(format: string | undefined, quiet: boolean): Template {
  if (quiet) return parseTemplate("{{.ID}}", secretHeaders);
  if (!format || format === "table") return parseTemplate(defaultSecretTable, secretHeaders);
  // docker's `--format json`: one JSON object per line.
  if (format === "json") return parseTemplate("{{json .}}", secretHeaders);
  return parseTemplate(format, secretHeaders);
}

/** docker's natural name order: `db2` before `db10`. */
const byName = new Intl.Collator("en", { numeric: true });

export const lsCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const quiet = values.quiet === true;
    const format = text(values, "format");
    if (quiet && format) ctx.stderr.write("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    const template = listTemplate(format, quiet);
    const query = filterQuery(list(values, "filter"));

    const client = await connect(ctx);
    const { secrets } = await client.request<{ secrets: SecretSummary[] }>("GET", secretPath(resolveNamespace(values, ctx.env)), { query });
    const now = ctx.now();
    const sorted = [...secrets].sort((a, b) => byName.compare(a.name, b.name));
    ctx.stdout.write(template.render(sorted.map((secret) => secretRow(secret, now))));
    return 0;
  },
};
