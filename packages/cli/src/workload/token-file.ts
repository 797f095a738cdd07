// Tokens for `coffer agent`, `coffer run` and the plugins come from a file,
// never from the command line (where `ps` shows it to every user). Like
// ssh with a private key, a file that group or others could read or
// replace is refused unless the user says otherwise.
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "../errors";

type Options = { cwd: string; insecure: boolean };

/** What a command needs from its token file, for messages that say what to do instead. */
export type ExpectedToken = {
  prefix: "cfs" | "cfi";
  /** "a service token" */
  name: string;
  /** "the runtime API" */
  user: string;
  /** How to get one: "coffer service token create SERVICE". */
  howTo: string;
};

export const SERVICE_TOKEN: ExpectedToken = {
  prefix: "cfs",
  name: "a service token",
  user: "the runtime API",
  howTo: "coffer service token create SERVICE",
};

export const integrationToken = (kind: "docker-swarm" | "kubernetes-kms", user: string): ExpectedToken => ({
  prefix: "cfi",
  name: "an integration token",
  user,
  howTo: `coffer integration create ${kind} NAME`,
});

const KINDS: Record<string, string> = { cfp: "personal", cfs: "service", cfi: "integration" };

/** The service token of `coffer agent` and `coffer run`. */
export async function readTokenFile(path: string, options: Options, expected: ExpectedToken = SERVICE_TOKEN): Promise<string> {
  const token = (await readPrivateFile(path, options)).trim();
  // Say what is wrong without printing what the file holds.
  if (!token) throw new CliError(`token file ${path} is empty`);
  const held = /^(cf[psi])_/.exec(token)?.[1];
  if (held && held !== expected.prefix) {
    throw new CliError(
      `token file ${path} holds a ${KINDS[held]} token; ${expected.user} needs ${expected.name} (${expected.prefix}_…): ${expected.howTo}`,
    );
  }
  if (!new RegExp(`^${expected.prefix}_\\S+$`).test(token)) {
    throw new CliError(`token file ${path} does not hold ${expected.name} (${expected.prefix}_…)`);
  }
  return token;
}

async function readPrivateFile(path: string, options: Options): Promise<string> {
  try {
    // fstat of the opened file, so the file checked is the file read.
    const handle = await open(resolve(options.cwd, path), "r");
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
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read token file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
