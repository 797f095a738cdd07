// Command-line parsing on node:util's parseArgs, with docker's (cobra's)
// wording for mistakes: a docker user reads `"coffer secret create" requires
// at least 1 argument` and knows what went wrong.
import { parseArgs } from "node:util";
import { UsageError } from "./errors";

export type OptionSpec = {
  name: string;
  short?: string;
  type: "string" | "boolean";
  /** Repeatable (`--label a=b --label c=d`). */
  multiple?: boolean;
  /** Word shown after the flag in help: docker says `list` for repeatable ones, `string` otherwise. */
  value?: string;
  help: string;
};

export type CommandSpec = {
  /** Path under `coffer`: "secret create". */
  path: string;
  aliases?: string[];
  /** After the path in the usage line: "[OPTIONS] SECRET [file|-]". */
  usage: string;
  summary: string;
  options: OptionSpec[];
  args: { min: number; max: number };
  /** Extra help text after the options (examples, field lists). */
  details?: string;
  /**
   * Takes a command to run after a required `--` (`coffer run -- CMD ARGS…`):
   * everything after it is passed through untouched, flags included.
   */
  passthrough?: boolean;
};

export type ParsedArgs = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** What came after `--`, for a `passthrough` command. */
  rest?: string[];
};

export const namespaceOption: OptionSpec = {
  name: "namespace",
  short: "n",
  type: "string",
  value: "string",
  help: 'Namespace (default: $COFFER_NAMESPACE or "default")',
};

/** True when help was asked for anywhere before `--`, so a half-typed command still shows its help. */
export function wantsHelp(argv: string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

export function parseCommand(spec: CommandSpec, argv: string[]): ParsedArgs {
  if (spec.passthrough) return parsePassthrough(spec, argv);
  const options = Object.fromEntries(
    spec.options.map((o) => [
      o.name,
      // parseArgs refuses keys set to undefined.
      { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(flagErrorMessage(error), spec.path);
  }
  checkArgCount(spec, parsed.positionals.length);
  return parsed as ParsedArgs;
}

// Only the part before `--` is ours: `coffer run -- sh -c '…' --help` runs
// sh, it does not print our help. Without `--` a command's own flags would be
// taken for ours (or refused), so it is required.
function parsePassthrough(spec: CommandSpec, argv: string[]): ParsedArgs {
  const at = argv.indexOf("--");
  if (at === -1) throw new UsageError(`"coffer ${spec.path}" requires -- before the command to run`, spec.path);
  const rest = argv.slice(at + 1);
  if (!rest.length) throw new UsageError(`"coffer ${spec.path}" requires a command after --`, spec.path);
  return { ...parseCommand({ ...spec, passthrough: false }, argv.slice(0, at)), rest };
}

function flagErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const flag = unknown[1]!;
    return flag.startsWith("--") ? `unknown flag: ${flag}` : `unknown shorthand flag: '${flag.slice(1)}' in ${flag}`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `flag needs an argument: ${missing[1]}`;
  return message;
}

// The messages of docker's cli/required.go (NoArgs, ExactArgs,
// RequiresMinArgs, RequiresMaxArgs, RequiresRangeArgs).
function checkArgCount(spec: CommandSpec, count: number): void {
  const { min, max } = spec.args;
  if (count >= min && count <= max) return;
  const name = `"coffer ${spec.path}"`;
  const plural = (n: number) => (n === 1 ? "argument" : "arguments");
  let message: string;
  if (max === 0) message = `${name} accepts no arguments.`;
  else if (min === max) message = `${name} requires ${min} ${plural(min)}.`;
  else if (max === Infinity) message = `${name} requires at least ${min} ${plural(min)}.`;
  else if (min === 0) message = `${name} accepts at most ${max} ${plural(max)}.`;
  else message = `${name} requires at least ${min} and at most ${max} ${plural(max)}.`;
  throw new UsageError(message, spec.path);
}

/** Values of a repeatable flag (parseArgs leaves absent ones undefined). */
export function list(values: ParsedArgs["values"], name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

export function text(values: ParsedArgs["values"], name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * `KEY=VALUE` split at the first `=`, so values may contain `=` (base64,
 * `label=env=prod`). With `valueOptional`, a bare `KEY` is `KEY=""`, as
 * docker allows for `--label KEY`.
 */
export function splitKeyValue(input: string, flag: string, command: string, valueOptional = false): { key: string; value: string } {
  const at = input.indexOf("=");
  if (at === -1 && valueOptional && input !== "") return { key: input, value: "" };
  if (at <= 0) throw new UsageError(`invalid argument "${input}" for "--${flag}": expected KEY=VALUE`, command);
  return { key: input.slice(0, at), value: input.slice(at + 1) };
}

export function resolveNamespace(values: ParsedArgs["values"], env: Record<string, string | undefined>): string {
  return text(values, "namespace") || env.COFFER_NAMESPACE || "default";
}
