// Environment configuration, validated once at start (the preflight
// refuses a bad value in one line naming the variable). Secret
// settings have a `_FILE` twin so they can come from Docker or Kubernetes
// secret files instead of the process environment.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./log-config";
import { PUBLIC_URL_RULE, publicOrigin, publicOriginOf } from "./public-url";

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  COFFER_DATA_DIR: z.string().min(1).default(".coffer/data"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  COFFER_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** One log line per request at `info`; otherwise they are `debug` lines (errors always show). */
  COFFER_LOG_REQUESTS: z.enum(["true", "false"]).default("false"),
  COFFER_LOGIN_MAX_FAILURES: positiveInt.default(5),
  COFFER_LOGIN_IP_MAX_FAILURES: positiveInt.default(20),
  COFFER_LOGIN_WINDOW_SECONDS: positiveInt.default(900),
  COFFER_LOGIN_LOCKOUT_SECONDS: positiveInt.default(900),
  COFFER_AUTH_FAILURE_WINDOW_SECONDS: positiveInt.max(86_400).default(60),
  COFFER_SESSION_HOURS: positiveInt.default(12),
  COFFER_KEYRING_FILE: z.string().min(1).optional(),
  COFFER_MASTER_KEY: z.string().min(1).optional(),
  COFFER_MAX_SECRET_BYTES: positiveInt.max(64 * 1024 * 1024, "must be at most 64 MiB").default(1024 * 1024),
  COFFER_MAX_VERSIONS: positiveInt.max(1000).default(20),
  COFFER_AUDIT_RETENTION_DAYS: positiveInt.max(36500).optional(),
  COFFER_STALE_DAYS: positiveInt.max(3650).default(90),
  COFFER_RECOVERY_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  COFFER_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  COFFER_PUBLIC_URL: z
    .string()
    .refine((v) => publicOriginOf(v) !== null, PUBLIC_URL_RULE)
    .optional(),
  /** Base64 of 32 bytes: the seed of the audit log's Ed25519 checkpoint key (generated beside the data when unset). */
  COFFER_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** Where each signed checkpoint is also POSTed, so a copy lives outside this machine. */
  COFFER_AUDIT_WITNESS_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  // OIDC single sign-on (lib/auth/oidc): on when the issuer is set.
  COFFER_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  COFFER_OIDC_CLIENT_ID: z.string().min(1).optional(),
  COFFER_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  COFFER_OIDC_NAME: z.string().min(1).max(60).default("Single sign-on"),
  COFFER_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** Space-separated; add `groups` for providers (Dex, oidc-provider) that send groups only when asked. */
  COFFER_OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  COFFER_OIDC_ALLOW_SIGNUP: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  COFFER_PASSWORD_LOGIN: z.enum(["owners", "all", "off"]).default("all"),
});

export type Config = Omit<z.infer<typeof envSchema>, "COFFER_PUBLIC_URL"> & {
  dataDir: string;
  /** An origin (`https://coffer.example.com`), never with a trailing slash. */
  COFFER_PUBLIC_URL: string;
};

/** Variables whose value may come from the file named by `<NAME>_FILE`. */
export const FILE_TWINS = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "COFFER_MASTER_KEY",
  "COFFER_AUDIT_SIGNING_KEY",
  "COFFER_OIDC_CLIENT_SECRET",
] as const;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function resolveFileTwins(env: Env): Env {
  const out: Env = { ...env };
  for (const name of FILE_TWINS) {
    const filePath = env[`${name}_FILE`];
    if (!filePath) continue;
    if (env[name]) throw new ConfigError(`${name}_FILE`, `cannot be set together with ${name}`);
    try {
      out[name] = readFileSync(filePath, "utf8").trim();
    } catch {
      throw new ConfigError(`${name}_FILE`, `cannot read ${filePath}`);
    }
  }
  return out;
}

/** Empty strings count as unset, the way shells and compose files use them. */
function dropEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
}

export function parseConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(dropEmpty(resolveFileTwins(dropEmpty(env))));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "environment"), issue.message);
  }
  assertSignInPossible(parsed.data);
  return {
    ...parsed.data,
    dataDir: resolve(parsed.data.COFFER_DATA_DIR),
    COFFER_PUBLIC_URL: publicOrigin(parsed.data.COFFER_PUBLIC_URL, parsed.data.PORT),
  };
}

/** SSO needs all three of issuer, client id and secret; and with password sign-in off, SSO is the only way in. */
function assertSignInPossible(env: z.infer<typeof envSchema>): void {
  const { COFFER_OIDC_ISSUER: issuer, COFFER_OIDC_CLIENT_ID: clientId, COFFER_OIDC_CLIENT_SECRET: secret } = env;
  if (issuer && !clientId) throw new ConfigError("COFFER_OIDC_CLIENT_ID", "is required when COFFER_OIDC_ISSUER is set");
  if (issuer && !secret) throw new ConfigError("COFFER_OIDC_CLIENT_SECRET", "is required when COFFER_OIDC_ISSUER is set");
  if (env.COFFER_PASSWORD_LOGIN === "off" && !issuer) {
    throw new ConfigError(
      "COFFER_PASSWORD_LOGIN",
      "cannot be off without single sign-on: set COFFER_OIDC_ISSUER (nobody, not even the first owner, could sign in)",
    );
  }
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
