// Where `coffer login` keeps its server and token: one JSON file readable
// by its owner only. COFFER_SERVER and COFFER_TOKEN override it so CI jobs
// need no file at all.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError } from "./errors";

export type Env = Record<string, string | undefined>;
export type StoredConfig = { server?: string; token?: string };

export function configDir(env: Env): string {
  if (env.COFFER_CONFIG_DIR) return env.COFFER_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "coffer");
  return join(env.HOME || homedir(), ".config", "coffer");
}

export function configPath(env: Env): string {
  return join(configDir(env), "config.json");
}

export async function readConfig(env: Env): Promise<StoredConfig> {
  const path = configPath(env);
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliError(`cannot read ${path}: not valid JSON (remove it and run coffer login again)`);
  }
  const config = (parsed ?? {}) as Record<string, unknown>;
  return {
    server: typeof config.server === "string" ? config.server : undefined,
    token: typeof config.token === "string" ? config.token : undefined,
  };
}

/**
 * Replaces the config file atomically. The temporary file is created with
 * mode 0600 (never chmod-ed afterwards), so the token is not readable by
 * others even for an instant, and a crash leaves the old file or the new
 * one, never half of one.
 */
export async function writeConfig(env: Env, config: StoredConfig): Promise<string> {
  const dir = configDir(env);
  // 0700 applies to directories created here. An existing directory is left
  // alone: COFFER_CONFIG_DIR may point at a shared one we must not lock up;
  // the 0600 file is what protects the token.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = configPath(env);
  const temp = join(dir, `.config.json.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const file = await open(temp, "wx", 0o600);
  try {
    await file.writeFile(`${JSON.stringify(config, null, 2)}\n`);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  return path;
}

export type Credentials = { server?: string; token?: string };

/**
 * The server and token a command uses. The stored token goes only to the
 * server it was issued by: with COFFER_SERVER pointing elsewhere and no
 * COFFER_TOKEN, sending it would hand a credential to another host.
 */
export function resolveCredentials(env: Env, stored: StoredConfig): Credentials {
  const server = env.COFFER_SERVER ? normalizeServer(env.COFFER_SERVER) : stored.server;
  if (env.COFFER_TOKEN) return { server, token: env.COFFER_TOKEN };
  return { server, token: server && server === stored.server ? stored.token : undefined };
}

/** `https://host[:port][/prefix]` without a trailing slash; anything else is refused. */
export function normalizeServer(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new CliError(`invalid server URL "${input}": expected http://HOST[:PORT] or https://HOST[:PORT]`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`invalid server URL "${input}": must start with http:// or https://`);
  }
  // Credentials in the URL would be stored in the config and shown in every
  // error message; a query or fragment would break path joining.
  if (url.username || url.password || url.search || url.hash) {
    throw new CliError(`invalid server URL ${url.origin}: no user, password, query or fragment allowed`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
