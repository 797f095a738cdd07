// A command is its spec (flags, arity, help) and what it does with the
// parsed arguments; run.ts does the parsing, help and error printing for all.
import type { CommandSpec, ParsedArgs } from "./args";
import type { CliContext } from "./context";

export type Command = {
  spec: CommandSpec;
  /** Resolves to the exit code; errors thrown are printed by run.ts. */
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
};

/** A management command (`coffer secret …`, `coffer service token …`): commands and groups under one word. */
export type CommandGroup = {
  /** Path under `coffer`: "service token". */
  path: string;
  summary: string;
  commands: Command[];
  groups?: CommandGroup[];
  help(): string;
};
