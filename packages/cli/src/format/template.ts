// The part of Go templates that `docker … ls --format` users actually type:
// `{{.Field}}`, `{{.Label "key"}}`, `{{json .}}`, `{{json .Field}}`, a
// `table ` prefix for aligned columns with headers, and `\t` / `\n` written
// as two characters on the command line (docker replaces those too).
import { CliError } from "../errors";
import { renderTable } from "./table";

export type Row = {
  fields: Record<string, string | number | boolean>;
  labels: Record<string, string>;
};

type Part =
  { kind: "text"; text: string } | { kind: "field"; name: string } | { kind: "label"; key: string } | { kind: "json"; name?: string };

export type Template = {
  /** Whether it started with `table`: rows become aligned columns under a header. */
  table: boolean;
  render(rows: Row[]): string;
};

/**
 * Compiles `format` against the known field names and their table headers.
 * Mistakes are reported before any request is made, not halfway through a listing.
 */
export function parseTemplate(format: string, headers: Record<string, string>): Template {
  let source = format.replaceAll("\\t", "\t").replaceAll("\\n", "\n");
  const table = /^table(\s|$)/.test(source);
  if (table) source = source.replace(/^table\s?/, "");
  const parts = parseParts(source, Object.keys(headers));

  const renderRow = (row: Row) => parts.map((part) => renderPart(part, row)).join("");
  const headerRow = () =>
    parts
      .map((part) => {
        if (part.kind === "text") return part.text;
        if (part.kind === "field") return headers[part.name]!;
        return part.kind === "label" ? "LABEL" : "JSON";
      })
      .join("");

  return {
    table,
    render(rows) {
      if (!table) return rows.map((row) => `${renderRow(row)}\n`).join("");
      const cells = (line: string) => line.split("\t");
      return renderTable(
        cells(headerRow()),
        rows.map((row) => cells(renderRow(row))),
      );
    },
  };
}

function parseParts(source: string, known: string[]): Part[] {
  const parts: Part[] = [];
  const action = /\{\{-?\s*(.*?)\s*-?\}\}/g;
  let last = 0;
  for (const match of source.matchAll(action)) {
    if (match.index > last) parts.push({ kind: "text", text: source.slice(last, match.index) });
    parts.push(parseAction(match[1]!, known));
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ kind: "text", text: source.slice(last) });
  const stray = parts.find((p) => p.kind === "text" && (p.text.includes("{{") || p.text.includes("}}")));
  if (stray) throw templateError("unbalanced {{ }}", known);
  return parts;
}

function parseAction(body: string, known: string[]): Part {
  const field = /^\.(\w+)$/.exec(body);
  if (field) return { kind: "field", name: knownField(field[1]!, known) };
  const label = /^\.Label\s+"([^"]*)"$/.exec(body);
  if (label) return { kind: "label", key: label[1]! };
  const json = /^json\s+\.(\w*)$/.exec(body);
  if (json) return { kind: "json", name: json[1] ? knownField(json[1], known) : undefined };
  throw templateError(`cannot evaluate {{${body}}}`, known);
}

function knownField(name: string, known: string[]): string {
  if (!known.includes(name)) throw templateError(`no field .${name}`, known);
  return name;
}

function templateError(problem: string, known: string[]): CliError {
  return new CliError(`template parsing error: ${problem} (fields: ${known.map((k) => `.${k}`).join(", ")}, .Label "KEY")`);
}

function renderPart(part: Part, row: Row): string {
  switch (part.kind) {
    case "text":
      return part.text;
    case "field":
      return String(row.fields[part.name]);
    case "label":
      return row.labels[part.key] ?? "";
    case "json":
      return JSON.stringify(part.name ? row.fields[part.name] : row.fields);
  }
}
