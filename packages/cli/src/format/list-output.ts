// The part every docker-style `… ls` shares: --format / --quiet, the
// warning when both are given, and rows in docker's natural name order.
// Each listing keeps its own fields, request and filters.
import { type OptionSpec, type ParsedArgs, text } from "../args";
import type { CliContext } from "../context";
import { parseTemplate, type Row, type Template } from "./template";

export const formatOption: OptionSpec = {
  name: "format",
  type: "string",
  help: "Format output using a custom template, 'table', or 'json'",
};
export const quietOption: OptionSpec = { name: "quiet", short: "q", type: "boolean", help: "Only display IDs" };

/** A listing's fields: their table headers, and the `table …` template shown when --format is not given. */
export type ListFields = { headers: Record<string, string>; defaultTable: string };

export function listTemplate(format: string | undefined, quiet: boolean, { headers, defaultTable }: ListFields): Template {
  if (quiet) return parseTemplate("{{.ID}}", headers);
  if (!format || format === "table") return parseTemplate(defaultTable, headers);
  // docker's `--format json`: one JSON object per line.
  if (format === "json") return parseTemplate("{{json .}}", headers);
  return parseTemplate(format, headers);
}

/** docker's natural name order: `db2` before `db10`. */
const byName = new Intl.Collator("en", { numeric: true });

export type ListOutput = {
  /** Writes the items sorted by name, one row each. */
  write<T extends { name: string }>(items: T[], row: (item: T, now: Date) => Row): void;
};

/**
 * Compiles the listing's template from the command line before any request
 * is made, so a mistaken --format fails without a round trip.
 */
export function listOutput(ctx: CliContext, values: ParsedArgs["values"], fields: ListFields): ListOutput {
  const quiet = values.quiet === true;
  const format = text(values, "format");
  if (quiet && format) ctx.stderr.write("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
  const template = listTemplate(format, quiet, fields);
  return {
    write(items, row) {
      const now = ctx.now();
      const sorted = [...items].sort((a, b) => byName.compare(a.name, b.name));
      ctx.stdout.write(template.render(sorted.map((item) => row(item, now))));
    },
  };
}
