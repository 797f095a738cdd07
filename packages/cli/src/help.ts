// Help and usage text in docker's layout (blank line, `Usage:  …`, summary,
// aliases, an aligned options table), so `--help` reads like the docker
// command it copies.
import type { CommandSpec, OptionSpec } from "./args";

export type CommandEntry = { name: string; summary: string };

function usageLine(spec: CommandSpec): string {
  return `Usage:  coffer ${spec.path} ${spec.usage}`;
}

function optionLabel(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : "    ";
  const value = option.type === "string" ? ` ${option.value ?? (option.multiple ? "list" : "string")}` : "";
  return `  ${short}--${option.name}${value}`;
}

/** Rows padded to the widest first cell plus three spaces (docker's tabwriter padding). */
export function alignRows(rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${left.padEnd(width)}   ${right}`);
}

export function commandHelp(spec: CommandSpec): string {
  const lines = ["", usageLine(spec), "", spec.summary];
  if (spec.aliases?.length) {
    const group = spec.path.split(" ").slice(0, -1).join(" ");
    const names = [spec.path, ...spec.aliases.map((alias) => `${group} ${alias}`.trim())];
    lines.push("", "Aliases:", `  ${names.map((name) => `coffer ${name}`).join(", ")}`);
  }
  const options: OptionSpec[] = [...spec.options, { name: "help", short: "h", type: "boolean", help: "Print usage" }];
  lines.push("", "Options:", ...alignRows(options.map((o) => [optionLabel(o), o.help])));
  if (spec.details) lines.push("", spec.details.trimEnd());
  return `${lines.join("\n")}\n`;
}

/** Help for a command that only groups others (`coffer`, `coffer secret`). */
export function groupHelp(input: {
  path: string;
  summary: string;
  options?: [string, string][];
  sections: { title: string; commands: CommandEntry[] }[];
  /** Plain sections after the commands (environment variables …). */
  notes?: { title: string; rows: [string, string][] }[];
}): string {
  const prefix = input.path ? `coffer ${input.path}` : "coffer";
  const lines = ["", `Usage:  ${prefix} ${input.path ? "" : "[OPTIONS] "}COMMAND`, "", input.summary];
  if (input.options) lines.push("", "Options:", ...alignRows(input.options));
  for (const section of input.sections) {
    lines.push("", `${section.title}:`, ...alignRows(section.commands.map((c) => [`  ${c.name}`, c.summary])));
  }
  for (const note of input.notes ?? []) {
    lines.push("", `${note.title}:`, ...alignRows(note.rows.map(([left, right]) => [`  ${left}`, right])));
  }
  lines.push("", `Run '${prefix} COMMAND --help' for more information on a command.`);
  return `${lines.join("\n")}\n`;
}

/** What a usage error prints: the problem, where help is, then the usage line (cobra's block). */
export function usageErrorText(message: string, spec: CommandSpec | undefined, path: string): string {
  const lines = [message, `See 'coffer ${path} --help'.`];
  if (spec) lines.push("", usageLine(spec), "", spec.summary);
  return `${lines.join("\n")}\n`;
}
