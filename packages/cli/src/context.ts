// Everything a command touches outside itself, passed in rather than taken
// from `process`, so tests run commands in-process against captured output,
// a fixed clock and their own environment.
import type { ApprovalOptions } from "./approval-flags";
import { terminalPrompter, type Prompter } from "./prompt";

export type Output = { write(text: string): unknown };

export type CliContext = {
  stdout: Output;
  stderr: Output;
  /** Secret data (`-`) and `--password-stdin` come from here. */
  stdin: NodeJS.ReadableStream;
  /** Whether stdin is a terminal: interactive login is only possible then, as with docker. */
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Relative FILE and --from-file paths resolve against this. */
  cwd: string;
  now: () => Date;
  /** Asks on the terminal; created only when a command needs it. */
  prompter: () => Prompter;
  /** The global --reason and --wait, for actions that need a second person's approval (approval-client.ts). */
  approval?: ApprovalOptions;
};

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    // Prompts go to stderr so that stdout carries only the command's result.
    prompter: () => terminalPrompter(process.stdin, process.stderr),
  };
}
