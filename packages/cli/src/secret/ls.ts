// `coffer secret ls`: docker's listing, filters and --format, with Coffer's
// TYPE and VERSION columns.
import { type CommandSpec, list, namespaceOption, resolveNamespace, splitKeyValue, text } from "../args";
import type { Command } from "../command";
import type { Query } from "../api-client";
import { UsageError } from "../errors";
import { formatOption, type ListFields, listOutput, listTemplate as fieldsTemplate, quietOption } from "../format/list-output";
import type { Template } from "../format/template";
import { fetchAllPages, limitOption, parseLimit } from "../paged-list";
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
    formatOption,
    quietOption,
    limitOption,
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

const fields: ListFields = { headers: secretHeaders, defaultTable: defaultSecretTable };

export function listTemplate(format: string | undefined, quiet: boolean): Template {
  return fieldsTemplate(format, quiet, fields);
}

export const lsCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const output = listOutput(ctx, values, fields);
    const query = filterQuery(list(values, "filter"));
    const limit = parseLimit(text(values, "limit"), spec.path);

    const client = await connect(ctx);
    const path = secretPath(resolveNamespace(values, ctx.env));
    const secrets = await fetchAllPages<SecretSummary, "secrets">(client, path, "secrets", { query, limit });
    output.write(secrets, secretRow);
    return 0;
  },
};
