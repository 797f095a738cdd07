// Runs the preflight in a process of its own (started by server.ts), so the
// schema engine's WebAssembly and the migration work never weigh on the
// long-running server's memory. Prints its result as one JSON line; a
// StartupError is one line on stderr and exit code 1.
import { StartupError } from "../errors";
import { preflight, preflightReport } from "./preflight";

preflight()
  .then((result) => {
    process.stdout.write(`${JSON.stringify(preflightReport(result))}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    const message = error instanceof StartupError ? error.message : `start failed: ${(error as Error).message?.split("\n")[0] ?? error}`;
    process.stderr.write(`coffer: ${message}\n`);
    process.exit(1);
  });
