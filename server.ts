// Coffer's server: preflight (config, database, migrations, setup token),
// then Next.js behind a thin Node HTTP layer that stamps every request with
// an id, pins the client address, and writes one JSON log line per request.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import next from "next";
import { parseConfig } from "./lib/config/env";
import { closeConnection } from "./lib/db/client";
import type { Preflight } from "./lib/instance/preflight";
import { log } from "./lib/log/logger";

class PreflightFailed extends Error {}

/** The preflight runs in a child process; see lib/instance/preflight-cli.ts. */
function runPreflight(): Omit<Preflight, "config"> {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "lib", "instance", "preflight-cli.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new PreflightFailed();
  return JSON.parse(child.stdout.toString().trim().split("\n").at(-1)!);
}

const dev = process.argv.includes("--dev");
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

async function main() {
  const started = performance.now();
  const ready = runPreflight();
  const cfg = parseConfig();
  process.env.AUTH_SECRET = ready.authSecret;
  if (ready.authSecretGenerated) {
    log.warn({ file: ready.authSecretGenerated }, "AUTH_SECRET not set: generated one; set AUTH_SECRET when running several nodes");
  }
  if (ready.appliedMigrations.length) log.info({ migrations: ready.appliedMigrations }, "applied database migrations");

  const app = next({ dev, hostname: cfg.HOSTNAME, port: cfg.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    // Without a trusted proxy in front, the socket is the only honest
    // source of the client address (login throttling keys on it).
    if (!cfg.COFFER_TRUST_PROXY) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    const begin = performance.now();
    res.on("finish", () => {
      // One-time links carry their token in the path: never log it.
      const path = ((req.url ?? "").split("?")[0] ?? "").replace(/^\/(invite|reset-password)\/[^/]+/, "/$1/[redacted]");
      if (path.startsWith("/_next/")) return;
      log.info(
        { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - begin) },
        "request",
      );
    });
    void handle(req, res);
  });

  server.on("error", (error: NodeJS.ErrnoException) => {
    const reason = error.code === "EADDRINUSE" ? `port ${cfg.PORT} is already in use` : error.message;
    process.stderr.write(`coffer: cannot listen on ${cfg.HOSTNAME}:${cfg.PORT}: ${reason}\n`);
    void closeConnection().finally(() => process.exit(1));
  });
  server.listen(cfg.PORT, cfg.HOSTNAME, () => {
    const url = `http://localhost:${cfg.PORT}`;
    log.info({ url, database: cfg.DATABASE_URL ? "postgresql" : "pglite", startMs: Math.round(performance.now() - started) }, "coffer started");
    const lines = [``, `  Coffer is running at ${url}`];
    if (ready.setupToken) {
      lines.push(`  No user exists yet. Open ${url}/setup and enter this one-time setup token:`, ``, `      ${ready.setupToken}`, ``);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  });

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close();
    // PGlite must be closed to flush its files.
    void closeConnection().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error) => {
  // The preflight process has already said what is wrong, in one line.
  if (error instanceof PreflightFailed) process.exit(1);
  else {
    process.stderr.write(`coffer: start failed: ${(error as Error).message?.split("\n")[0] ?? error}\n`);
  }
  process.exit(1);
});
