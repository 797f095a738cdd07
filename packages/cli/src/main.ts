// Entry point loaded by bin/coffer.mjs: runs the CLI on this process.
import { processContext } from "./context";
import { run } from "./run";

// `coffer secret ls | head -1` closes the pipe early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than exit(): pending stdout writes are flushed first.
process.exitCode = await run(process.argv.slice(2), processContext());
