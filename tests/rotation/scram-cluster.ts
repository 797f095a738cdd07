// A private PostgreSQL 15 cluster that checks passwords (scram-sha-256 for
// every connection, socket and TCP), for the rotation tests: the shared
// server on 5432 trusts every local connection, so a wrong password would
// pass there and prove nothing. initdb refuses to run as root, so as root
// (the tests' case) the cluster belongs to the postgres OS user.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const BIN = process.env.COFFER_PG15_BIN ?? "/usr/lib/postgresql/15/bin";
const AS_ROOT = process.getuid?.() === 0;

export type ScramCluster = {
  port: number;
  /** The superuser's password (the superuser is `postgres`). */
  password: string;
  /** A connection URL on 127.0.0.1 (TCP, so pg_hba's scram-sha-256 line applies). */
  url(user: string, password: string, database?: string): string;
  /** A statement as the superuser, over TCP with its password. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  /** Everything the server logged so far (log_statement = all). */
  log(): Promise<string>;
  /** Stops the cluster and removes its directory; safe to call twice. */
  stop(): Promise<void>;
};

/** Runs a cluster binary as the postgres OS user when we are root, else as ourselves. */
function clusterCommand(binary: string, args: string[]): { command: string; args: string[] } {
  const path = join(BIN, binary);
  return AS_ROOT ? { command: "runuser", args: ["-u", "postgres", "--", path, ...args] } : { command: path, args };
}

function runAsCluster(binary: string, args: string[]): Promise<void> {
  const { command, args: argv } = clusterCommand(binary, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${binary} exited ${code}: ${output.trim()}`))));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The postmaster's pid from its pid file, to kill it synchronously if the test process exits without teardown. */
function postmasterPid(data: string): number | null {
  try {
    const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function startScramCluster(): Promise<ScramCluster> {
  const root = await mkdtemp(join(tmpdir(), "coffer-scram-pg-"));
  const data = join(root, "data");
  const socket = join(root, "socket");
  const logFile = join(root, "server.log");
  const password = `su-${randomBytes(12).toString("hex")}`;
  let stopped = false;

  // Even if vitest's worker exits without running afterAll, the postmaster must not outlive it.
  const onExit = () => {
    const pid = postmasterPid(data);
    if (pid) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
    }
    spawnSync("rm", ["-rf", root]);
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    try {
      await runAsCluster("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "20", "stop"]);
    } catch {
      onExit();
    }
    await rm(root, { recursive: true, force: true });
  };

  process.on("exit", onExit);
  try {
    await mkdir(socket);
    await writeFile(join(root, "pwfile"), `${password}\n`, { mode: 0o600 });
    if (AS_ROOT) {
      const { uid, gid } = postgresIds();
      for (const path of [root, socket, join(root, "pwfile")]) await chown(path, uid, gid);
    }
    await runAsCluster("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      `--pwfile=${join(root, "pwfile")}`,
      "-A",
      "scram-sha-256",
      "--no-sync",
      "--no-instructions",
      "-E",
      "UTF8",
      "--locale=C",
    ]);
    await rm(join(root, "pwfile"));
    const port = await startOnFreePort(data, socket, logFile);
    const url = (user: string, pw: string, database = "postgres") =>
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`;
    return {
      port,
      password,
      url,
      async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], database = "postgres") {
        const client = new pg.Client({ connectionString: url("postgres", password, database), connectionTimeoutMillis: 5_000 });
        client.on("error", () => {});
        await client.connect();
        try {
          return (await client.query<T>(sql, params)).rows;
        } finally {
          await client.end();
        }
      },
      log: () => readFile(logFile, "utf8"),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("no postgres OS user: install Debian's postgresql-15");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** pg_ctl start on a port that was free a moment ago; another process may take it first, so try a few. */
async function startOnFreePort(data: string, socket: string, logFile: string): Promise<number> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${socket}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      // Every statement in the log: the test reads it to prove no clear password reached the server.
      "-c log_statement=all",
      "-c max_connections=50",
    ].join(" ");
    try {
      await runAsCluster("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "30", "-o", options, "start"]);
      return port;
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
