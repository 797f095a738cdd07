// Starts a brand-new Coffer (empty embedded database) for the e2e run and
// copies everything it prints to e2e/.artifacts/server.log.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "../../scripts/server-process.mjs";

const artifacts = join(process.cwd(), "e2e", ".artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const log = createWriteStream(join(artifacts, "server.log"));

// Regression: with AUTH_SECRET_FILE set, the server put the file's secret in
// AUTH_SECRET beside it, and every config() read in Next.js (sign-in among
// them) then refused the pair. The e2e instance reads its secret from a file.
const authSecretFile = join(artifacts, "auth-secret");
writeFileSync(authSecretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
const inherited = { ...process.env };
delete inherited.AUTH_SECRET;

// The compiled server `npm run build` leaves, run as `npm start` runs it.
const instance = serverProcess({
  ...inherited,
  AUTH_SECRET_FILE: authSecretFile,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: "",
  PORT: "3210",
  HOSTNAME: "127.0.0.1",
  COFFER_PUBLIC_URL: "http://127.0.0.1:3210",
  COFFER_DATA_DIR: join(artifacts, "data"),
  COFFER_LOGIN_MAX_FAILURES: "3",
  COFFER_LOGIN_LOCKOUT_SECONDS: "4",
  // Every request's line, so zz-no-leaks.spec.ts reads the fullest log.
  COFFER_LOG_REQUESTS: "true",
});
const server = spawn(process.execPath, instance.args, {
  env: instance.env,
  stdio: ["ignore", "pipe", "pipe"],
});
server.stdout.pipe(log);
server.stderr.pipe(log);
server.stderr.pipe(process.stderr);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
