// Starts a brand-new Coffer (empty embedded database) for the e2e run and
// copies everything it prints to e2e/.artifacts/server.log.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "../../scripts/server-process.mjs";

const artifacts = join(process.cwd(), "e2e", ".artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const log = createWriteStream(join(artifacts, "server.log"));

// The compiled server `npm run build` leaves, run as `npm start` runs it.
const instance = serverProcess({
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: "",
  PORT: "3210",
  HOSTNAME: "127.0.0.1",
  COFFER_PUBLIC_URL: "http://127.0.0.1:3210",
  COFFER_DATA_DIR: join(artifacts, "data"),
  COFFER_LOGIN_MAX_FAILURES: "3",
  COFFER_LOGIN_LOCKOUT_SECONDS: "4",
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
