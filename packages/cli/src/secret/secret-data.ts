// A secret's data from the command line: FILE or `-` (stdin) is the key
// `value`, as one docker secret is one value; --from-file and --from-literal
// add named keys, as kubectl does for multi-key secrets. Everything is sent
// base64-encoded, so binary files arrive byte for byte.
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { splitKeyValue } from "../args";
import type { CliContext } from "../context";
import { CliError, UsageError } from "../errors";

export type DataSources = {
  /** FILE or `-`: the Docker-style single value. */
  source?: string;
  fromFile: string[];
  fromLiteral: string[];
};

/** The server's key rule (DESIGN 3), checked here so a typo fails before anything is read or sent. */
const KEY = /^[-._a-zA-Z0-9]+$/;

export const VALUE_KEY = "value";

export async function readSecretData(ctx: CliContext, sources: DataSources, command: string): Promise<Record<string, string>> {
  if (sources.source === undefined && !sources.fromFile.length && !sources.fromLiteral.length) {
    throw new UsageError(`"coffer ${command}" requires data: a FILE, - for stdin, --from-file or --from-literal`, command);
  }
  const data = new Map<string, Buffer>();
  const add = (key: string, bytes: Buffer) => {
    if (!KEY.test(key)) {
      throw new UsageError(`invalid key name "${key}": use letters, digits, "-", "_" and "." only`, command);
    }
    if (data.has(key)) throw new UsageError(`key "${key}" is given more than once`, command);
    data.set(key, bytes);
  };

  if (sources.source === "-") add(VALUE_KEY, await readStdin(ctx.stdin));
  else if (sources.source !== undefined) add(VALUE_KEY, await readContent(ctx, sources.source));

  for (const spec of sources.fromFile) {
    // kubectl's forms: KEY=PATH, or PATH with the file's name as the key.
    const at = spec.indexOf("=");
    const { key, value: path } = at === -1 ? { key: basename(spec), value: spec } : splitKeyValue(spec, "from-file", command);
    add(key, await readContent(ctx, path));
  }
  for (const spec of sources.fromLiteral) {
    const { key, value } = splitKeyValue(spec, "from-literal", command);
    add(key, Buffer.from(value, "utf8"));
  }

  return Object.fromEntries([...data].map(([key, bytes]) => [key, bytes.toString("base64")]));
}

async function readContent(ctx: CliContext, path: string): Promise<Buffer> {
  try {
    return await readFile(resolve(ctx.cwd, path));
  } catch (error) {
    throw new CliError(`error reading content from "${path}": ${(error as Error).message}`);
  }
}

export async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
