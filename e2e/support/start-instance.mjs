// Starts a brand-new Coffer (empty embedded database) for the e2e run and
// copies everything it prints to e2e/.artifacts/server.log.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const artifacts = join(process.cwd(), "e2e", ".artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const log = createWriteStream(join(artifacts, "server.log"));

const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "",
    PORT: "3210",
    HOSTNAME: "127.0.0.1",
    COFFER_DATA_DIR: join(artifacts, "data"),
    COFFER_LOGIN_MAX_FAILURES: "3",
    COFFER_LOGIN_LOCKOUT_SECONDS: "4",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
server.stdout.pipe(log);
server.stderr.pipe(log);
server.stderr.pipe(process.stderr);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
