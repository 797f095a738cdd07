// A CliContext for tests: captured stdout/stderr, stdin from a buffer, a
// fixed clock, scripted terminal answers, and its own environment (never
// the developer's real ~/.config/coffer).
import { Readable } from "node:stream";
import type { CliContext } from "../context";
import type { Prompter } from "../prompt";

export type MemoryContextOptions = {
  env?: Record<string, string | undefined>;
  stdin?: string | Buffer;
  stdinIsTTY?: boolean;
  cwd?: string;
  now?: Date;
  /** Answers to the terminal prompts, in order. */
  answers?: string[];
};

export function memoryContext(options: MemoryContextOptions = {}) {
  let stdout = "";
  let stderr = "";
  const prompts: { question: string; hidden: boolean }[] = [];
  const answers = [...(options.answers ?? [])];
  const answer = (question: string, hidden: boolean) => {
    prompts.push({ question, hidden });
    const next = answers.shift();
    if (next === undefined) throw new Error(`no scripted answer for ${question}`);
    return Promise.resolve(next);
  };
  const prompter: Prompter = {
    ask: (question) => answer(question, false),
    askHidden: (question) => answer(question, true),
    close: () => {},
  };
  const ctx: CliContext = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdinIsTTY: options.stdinIsTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date(),
    prompter: () => prompter,
  };
  return { ctx, stdout: () => stdout, stderr: () => stderr, prompts };
}
