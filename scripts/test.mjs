// npm test: everything, from a fresh clone, on a machine with Node 20, npm,
// root, and PostgreSQL at 127.0.0.1:5432. Installs Debian's chromium for
// Playwright when it is missing and starts PostgreSQL when it is down.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();
const timings = [];

function step(name, command, args, options = {}) {
  const begin = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...options.env } });
  timings.push([name, Date.now() - begin]);
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function quiet(command) {
  try {
    execSync(command, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function ensurePostgres() {
  if (quiet("pg_isready -h 127.0.0.1 -p 5432")) return;
  if (existsSync("/etc/postgresql")) {
    for (const version of readdirSync("/etc/postgresql")) {
      quiet(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
    }
  }
  for (let i = 0; i < 30 && !quiet("pg_isready -h 127.0.0.1 -p 5432"); i++) execSync("sleep 1");
  if (!quiet("pg_isready -h 127.0.0.1 -p 5432")) {
    console.error("PostgreSQL is not answering at 127.0.0.1:5432 and could not be started");
    process.exit(1);
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  console.log("\n=== installing Debian's chromium for Playwright");
  step("apt-get update", "apt-get", ["update", "-qq"]);
  step("apt-get install chromium", "apt-get", ["install", "-y", "-qq", "chromium"], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}

const npx = (args, name) => step(name, "npx", args);

ensurePostgres();
ensureChromium();
npx(["tsc", "--noEmit"], "typecheck");
npx(["eslint", "."], "lint");
npx(["prettier", "--check", "."], "format");
npx(["vitest", "run"], "unit and integration tests (PostgreSQL and PGlite)");
step("build", process.execPath, ["scripts/build.mjs"]);
npx(["playwright", "test"], "end-to-end tests (Chromium)");

console.log("\n=== timings");
for (const [name, ms] of timings) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);
