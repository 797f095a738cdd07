// Terminal questions for `coffer login`. The password is read through
// readline with its echo muted (as `docker login` does with a raw terminal),
// so line editing still works but nothing typed reaches the screen.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { CliError } from "./errors";

export type Prompter = {
  ask(question: string): Promise<string>;
  askHidden(question: string): Promise<string>;
  close(): void;
};

export function terminalPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  let muted = false;
  // readline redraws the line on every keystroke; while muted those redraws
  // (which contain the typed characters) are dropped.
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: echo, terminal: true });

  const question = (prompt: string) =>
    new Promise<string>((resolve, reject) => {
      // Without a SIGINT listener readline only pauses on Ctrl-C and the
      // prompt would hang; end the command instead.
      rl.once("SIGINT", () => reject(new CliError("login cancelled")));
      rl.question(prompt, (answer) => {
        rl.removeAllListeners("SIGINT");
        resolve(answer);
      });
    });

  return {
    ask: (prompt) => question(prompt),
    async askHidden(prompt) {
      output.write(prompt);
      muted = true;
      try {
        return await question("");
      } finally {
        muted = false;
        output.write("\n");
      }
    },
    close: () => rl.close(),
  };
}
