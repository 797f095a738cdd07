// Coffer's server: preflight (config, database, migrations, setup token),
// then Next.js behind a thin Node HTTP layer that stamps every request with
// an id, pins the client address and forwarding headers, adds HSTS over
// https, refuses bad requests before Next.js sees them (lib/http/
// screened-handler.ts), and logs each request (at `debug` unless
// COFFER_LOG_REQUESTS=true; failures at `warn`).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import next from "next";
import { publicOrigin } from "./lib/config/public-url";
import { stopAuditSequencer } from "./lib/audit/log/sequencer-holder";
import { stopKmsUsageFlusher } from "./lib/integrations/kms/kms-usage-holder";
import { stopAccessCountFlusher } from "./lib/secrets/access-counts-holder";
import { closeConnection } from "./lib/db/connection-holder";
import { serveListMethod } from "./lib/http/list-method";
import { refuseConnect, screenedHandler, sendRejection } from "./lib/http/screened-handler";
import { HSTS, pinForwardedHeaders, servedOverHttps } from "./lib/http/transport-security";
import type { PreflightReport } from "./lib/instance/preflight";
import { logConfig, requestLogLevel } from "./lib/config/log-config";
import { log } from "./lib/log/logger";
import { startLine } from "./lib/log/start-line";

class PreflightFailed extends Error {}

// `npm run build` compiles this file and the preflight to plain JavaScript
// in .next/coffer-server/, so a production server runs without a
// TypeScript loader (its worker thread and source maps cost ~100 MB of
// resident memory). `--dev`, tests and `node --import tsx server.ts` run
// the sources.
const compiledPreflight = join(import.meta.dirname, "preflight.mjs");

/** The preflight runs in a child process; see lib/instance/preflight-cli.ts. */
function runPreflight(): PreflightReport {
  const script = existsSync(compiledPreflight)
    ? [compiledPreflight]
    : ["--import", "tsx", join(import.meta.dirname, "lib", "instance", "preflight-cli.ts")];
  const child = spawnSync(process.execPath, script, {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new PreflightFailed();
  return JSON.parse(child.stdout.toString().trim().split("\n").at(-1)!);
}

const dev = process.argv.includes("--dev");
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const { requestLevel } = logConfig();

async function main() {
  const started = performance.now();
  const ready = runPreflight();
  process.env.AUTH_SECRET = ready.authSecret;
  // The secret may have come from AUTH_SECRET_FILE; config() refuses both
  // names at once, so the file's name goes once its content is in place.
  delete process.env.AUTH_SECRET_FILE;
  if (ready.authSecretGenerated) {
    startLine(
      `auth secret: AUTH_SECRET not set, generated ${ready.authSecretGenerated} (set AUTH_SECRET when running several nodes)`,
      { file: ready.authSecretGenerated },
      "warn",
    );
  }
  const migrations = ready.appliedMigrations.length;
  startLine(
    `database: ${ready.database === "pglite" ? "embedded PGlite" : "PostgreSQL"} (${migrations ? `${migrations} migration${migrations === 1 ? "" : "s"} applied` : "migrations current"})`,
    { database: ready.database, migrations: ready.appliedMigrations },
  );

  // Checked by the preflight; Auth.js uses it too (lib/auth/auth.ts).
  const publicUrl = publicOrigin(process.env.COFFER_PUBLIC_URL, ready.port);
  const app = next({ dev, hostname: ready.hostname, port: ready.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Bad targets, methods, cross-origin posts and malformed server-action
  // bodies never reach Next.js.
  const screened = screenedHandler(handle, ready.trustProxy);

  const server = createServer((req, res) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    pinForwardedHeaders(req.headers, ready.trustProxy, req.socket.remoteAddress);
    if (servedOverHttps((req.socket as { encrypted?: boolean }).encrypted === true, req.headers, ready.trustProxy)) {
      res.setHeader("Strict-Transport-Security", HSTS);
    }
    const begin = performance.now();
    res.on("finish", () => {
      // One-time links carry their token in the path: never log it.
      const path = ((req.url ?? "").split("?")[0] ?? "").replace(/^\/(invite|reset-password)\/[^/]+/, "/$1/[redacted]");
      if (path.startsWith("/_next/")) return;
      const level = requestLogLevel(res.statusCode, requestLevel);
      log[level]({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - begin) }, "request");
    });
    screened(req, res).catch((error: Error) => {
      // A client that goes away mid-upload, say.
      log.warn({ requestId, err: { name: error.name, message: error.message } }, "request failed before Next.js");
      if (res.headersSent) res.destroy();
      else sendRejection(req, res, { status: 500, code: "internal", message: "internal error" });
    });
  });
  server.on("connect", refuseConnect);
  // Requests Node's parser refuses; LIST on /v1 is served as GET ?list=true.
  serveListMethod(server);

  server.on("error", (error: NodeJS.ErrnoException) => {
    const reason = error.code === "EADDRINUSE" ? `port ${ready.port} is already in use` : error.message;
    process.stderr.write(`coffer: cannot listen on ${ready.hostname}:${ready.port}: ${reason}\n`);
    void closeConnection().finally(() => process.exit(1));
  });
  server.listen(ready.port, ready.hostname, () => {
    const url = publicUrl;
    const startMs = Math.round(performance.now() - started);
    startLine(`listening on ${url} (started in ${(startMs / 1000).toFixed(1)} s)`, { url, database: ready.database, startMs });
    // Printed in both formats: it is what the operator needs next. The
    // e2e suite and the benchmarks read the token from this sentence.
    if (ready.setupToken) {
      process.stdout.write(
        `coffer: setup token: no user exists yet; open ${url}/setup and enter this one-time setup token: ${ready.setupToken}\n`,
      );
    }
  });

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close();
    // Repeat reads' counts are written, the sequencer finishes its sealing
    // and hands the lease on, then PGlite is closed to flush its files.
    void Promise.all([stopAccessCountFlusher(), stopKmsUsageFlusher(), stopAuditSequencer()])
      .catch(() => undefined)
      .then(() => closeConnection())
      .finally(() => process.exit(0));
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
