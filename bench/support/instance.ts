// A Coffer instance for a benchmark: its own PostgreSQL database
// (coffer_bench_*, dropped after), app nodes started as `npm start` starts
// them, and the first owner created through the setup API with the
// one-time token the server prints, as an operator would.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { serverNodeOptions, serverProcess } from "../../scripts/server-process.mjs";

/** The lock `node scripts/build.mjs` runs under when several sessions share this checkout. */
const BUILD_LOCK = process.env.BENCH_BUILD_LOCK ?? "/tmp/coffer-e2e.lock";
export const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const OWNER = { email: "bench-owner@example.com", name: "Bench Owner", password: "bench password 1 horse" };

export const urlOf = (database: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  url = ADMIN_URL,
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

export async function createDatabase(label: string, template?: string): Promise<BenchDatabase> {
  const name = `coffer_bench_${label}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return { name, url: urlOf(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
}

/**
 * A private copy of the build (.next without its cache; the sources are
 * linked), so that another session rebuilding .next while this benchmark
 * runs cannot change or break the servers under measurement.
 */
export function snapshotBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "coffer-bench-root-"));
  // Under the lock builds take on this machine, so the copy is never of a build half-written.
  execFileSync("flock", [BUILD_LOCK, "rsync", "-a", "--delete", "--exclude", "/cache", ".next/", join(root, ".next/")]);
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(join(root, ".next", "coffer-server", "server.mjs"))) {
    throw new Error("no complete build in .next: run `node scripts/build.mjs` first");
  }
  for (const entry of ["node_modules", "package.json", "next.config.mjs", "prisma"])
    symlinkSync(join(process.cwd(), entry), join(root, entry));
  return root;
}

/** What every node of one instance shares (several nodes need the same keys). */
export function instanceEnv(firstPort: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    // The log's origin comes from the public URL: the same for every node.
    COFFER_PUBLIC_URL: `http://127.0.0.1:${firstPort}`,
    // One JSON line per request would cost the servers CPU the load generator needs; as bench:audit does.
    COFFER_LOG_LEVEL: "warn",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    COFFER_MASTER_KEY: randomBytes(32).toString("base64"),
    COFFER_AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
    ...extra,
  };
}

export type AppNode = { port: number; base: string; child: ChildProcess; dataDir: string; output(): string; stop(): Promise<void> };

export async function startNode(options: {
  root: string;
  port: number;
  databaseUrl: string;
  env: Record<string, string>;
  nodeArgs?: string[];
}): Promise<AppNode> {
  const { root, port, databaseUrl } = options;
  const dataDir = join(mkdtempSync(join(tmpdir(), "coffer-bench-data-")), "data");
  mkdirSync(dataDir, { recursive: true });
  const command = serverProcess(
    { ...process.env, ...options.env, DATABASE_URL: databaseUrl, PORT: String(port), COFFER_DATA_DIR: dataDir },
    root,
  );
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...command.args], {
    cwd: root,
    env: command.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const node: AppNode = {
    port,
    base,
    child,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(join(dataDir, ".."), { recursive: true, force: true });
    },
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return node;
    await new Promise((r) => setTimeout(r, 250));
  }
  await node.stop();
  throw new Error(`the server on port ${port} did not start:\n${output.slice(-2000)}`);
}

export const serverCommandLine = () => `node ${serverNodeOptions.join(" ")} .next/coffer-server/server.mjs`;

export class ApiError extends Error {}

/** One API call; a non-2xx answer throws with its status and message. */
export async function api<T = Record<string, unknown>>(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new ApiError(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** First run through the API: the owner, with the setup token from the log, and their personal API token. */
export async function setupOwner(node: AppNode): Promise<string> {
  // The banner goes through a pipe, which may deliver it after /api/health already answers.
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    token = /enter this one-time setup token:\s+(\S+)/.exec(node.output())?.[1];
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  if (!token) throw new Error("no setup token in the server's output");
  await api(node.base, null, "POST", "/api/v1/setup", { token, ...OWNER });
  const created = await api<{ token: string }>(node.base, null, "POST", "/api/v1/auth/token", {
    email: OWNER.email,
    password: OWNER.password,
    name: "bench",
  });
  return created.token;
}
