// What start-up does before the web server takes requests: validate the
// environment, reach the database, apply migrations, make sure there is an
// AUTH_SECRET, and issue the first-run setup token when no user exists.
// Each failure is one line naming the cause.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { issueSetupToken } from "../auth/setup";
import { parseConfig, type Config } from "../config/env";
import { closeConnection, connect, setConnection } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { checkKeysAtStartup } from "../keys/check-keys-at-startup";
import { loadSigningKey } from "../audit/log/signing-key";
import { StartupError } from "../errors";

export type Preflight = {
  config: Config;
  authSecret: string;
  authSecretGenerated: string | null;
  setupToken: string | null;
  appliedMigrations: string[];
};

/**
 * What the preflight process hands the server (one JSON line): the checked
 * settings the server needs, so it does not load and run the config parser
 * (zod) a second time.
 */
export type PreflightReport = Omit<Preflight, "config"> & {
  port: number;
  hostname: string;
  trustProxy: boolean;
  database: "postgresql" | "pglite";
};

export function preflightReport({ config, ...rest }: Preflight): PreflightReport {
  return {
    ...rest,
    port: config.PORT,
    hostname: config.HOSTNAME,
    trustProxy: config.COFFER_TRUST_PROXY,
    database: config.DATABASE_URL ? "postgresql" : "pglite",
  };
}

/** Host, port and database of a URL, never its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}

export async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    throw new StartupError(`DATABASE_URL: cannot connect to ${describeDatabaseUrl(url)} (${reason})`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Secrets Coffer generates for itself live beside the data directory. */
export function stateDir(cfg: Config): string {
  return dirname(cfg.dataDir);
}

function ensureAuthSecret(cfg: Config): { secret: string; generatedAt: string | null } {
  if (cfg.AUTH_SECRET) return { secret: cfg.AUTH_SECRET, generatedAt: null };
  const file = join(stateDir(cfg), "auth.secret");
  if (existsSync(file)) return { secret: readFileSync(file, "utf8").trim(), generatedAt: null };
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, generatedAt: file };
}

/** Loads (or on first start generates) the checkpoint key, so a bad one stops the start with one line. */
function checkAuditSigningKey(cfg: Config): void {
  try {
    loadSigningKey(cfg);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}

export async function preflight(env?: Record<string, string | undefined>): Promise<Preflight> {
  let cfg: Config;
  try {
    cfg = parseConfig(env);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  if (cfg.DATABASE_URL) await checkPostgres(cfg.DATABASE_URL);
  checkAuditSigningKey(cfg);
  const { secret, generatedAt } = ensureAuthSecret(cfg);

  const connection = connect({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.dataDir });
  setConnection(connection);
  try {
    let appliedMigrations: string[];
    try {
      appliedMigrations = await applyMigrations(connection.adapter);
    } catch (error) {
      throw new StartupError(`database migration failed: ${(error as Error).message.split("\n")[0]}`);
    }
    await checkKeysAtStartup(cfg);
    const setupToken = await issueSetupToken();
    return { config: cfg, authSecret: secret, authSecretGenerated: generatedAt, setupToken, appliedMigrations };
  } finally {
    // The web server opens its own connection; PGlite allows one at a time.
    await closeConnection();
  }
}
