// The service token for `coffer agent` and `coffer run` comes from a file,
// never from the command line (where `ps` shows it to every user). Like
// ssh with a private key, a file that group or others could read or
// replace is refused unless the user says otherwise.
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "../errors";

export async function readTokenFile(path: string, options: { cwd: string; insecure: boolean }): Promise<string> {
  const full = resolve(options.cwd, path);
  let raw: string;
  try {
    // fstat of the opened file, so the file checked is the file read.
    const handle = await open(full, "r");
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new CliError(`token file ${path} is not a regular file`);
      const mode = stat.mode & 0o777;
      if (mode & 0o077 && !options.insecure) {
        throw new CliError(
          `permissions 0${mode.toString(8).padStart(3, "0")} for token file ${path} are too open: ` +
            `it must not be accessible by group or others (run: chmod 600 ${path}, or pass --insecure-token-file)`,
        );
      }
      raw = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read token file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const token = raw.trim();
  // Say what is wrong without printing what the file holds.
  if (!token) throw new CliError(`token file ${path} is empty`);
  if (token.startsWith("cfp_")) {
    throw new CliError(
      `token file ${path} holds a personal token; the runtime API needs a service token (coffer service token create SERVICE)`,
    );
  }
  if (!/^cfs_\S+$/.test(token)) throw new CliError(`token file ${path} does not hold a service token (cfs_…)`);
  return token;
}
