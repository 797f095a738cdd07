// npm test: everything, from a fresh clone, on a machine with Node 20, npm,
// root, and PostgreSQL at 127.0.0.1:5432. Installs the Debian packages the
// tests need when they are missing (ensureDebianPackages), and starts
// PostgreSQL when it is down.
import { execSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

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

/**
 * Runs independent checks at once, one per core, each one's output printed
 * whole when it ends so the two never interleave; fails after all have ended.
 */
async function together(checks) {
  const begin = Date.now();
  console.log(`\n=== ${checks.map(([name]) => name).join(" + ")} (at once)`);
  const results = await Promise.all(
    checks.map(
      ([name, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (chunk) => (output += chunk));
          child.stderr.on("data", (chunk) => (output += chunk));
          child.on("close", (code, signal) => {
            console.log(`\n--- ${name}: ${code === 0 ? "passed" : `failed (exit ${code ?? signal})`}`);
            if (output.trim()) console.log(output.trimEnd());
            resolve({ name, code });
          });
        }),
    ),
  );
  timings.push([checks.map(([name]) => name).join(" + "), Date.now() - begin]);
  const failed = results.filter((result) => result.code !== 0);
  if (failed.length) {
    console.error(`\n${failed.map((result) => result.name).join(", ")} failed`);
    process.exit(1);
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

// What the tests need from Debian, installed in one apt-get run when missing:
// Debian's chromium for Playwright; docker.io, and a static busybox to build
// its image from since nothing can be pulled, for the Docker Swarm test
// (tests/swarm); kubectl for the manifest tests (Debian's kubernetes-client
// when none is on the PATH); python3-hvac for the Vault API tests
// (tests/vault, e2e/vault-clients.spec.ts), a client no one here wrote.
function missingDebianPackages() {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) missing.push("chromium");
  if (!["/usr/sbin/dockerd", "/usr/bin/docker"].every((path) => existsSync(path))) missing.push("docker.io");
  if (!existsSync("/bin/busybox")) missing.push("busybox-static");
  if (!quiet("kubectl version --client")) missing.push("kubernetes-client");
  if (!quiet("/usr/bin/python3 -c 'import hvac'")) missing.push("python3-hvac");
  return missing;
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (!missing.length) return;
  console.log(`\n=== installing Debian's ${missing.join(", ")} for the tests`);
  const noninteractive = { env: { DEBIAN_FRONTEND: "noninteractive" } };
  step("apt-get update", "apt-get", ["update", "-qq"]);
  // Chromium with its recommended fonts, so pages render as a person sees them; the rest without.
  if (missing.includes("chromium")) step("apt-get install chromium", "apt-get", ["install", "-y", "-qq", "chromium"], noninteractive);
  const rest = missing.filter((name) => name !== "chromium");
  if (rest.length) {
    step(`apt-get install ${rest.join(" ")}`, "apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...rest], noninteractive);
  }
  if (missing.includes("docker.io")) stopPackagedDockerd();
}

// The package may start its own dockerd (systemd, or the init script where
// policy-rc.d allows it). The test starts one of its own, and Swarm's port
// 2377 allows one Swarm per machine: stop the packaged one.
function stopPackagedDockerd() {
  const pidFile = "/var/run/docker.pid";
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!pid || !alive(pid)) return;
  console.log(`stopping the dockerd (pid ${pid}) that the docker.io package started`);
  if (!quiet("systemctl stop docker.socket docker.service")) quiet("service docker stop");
  if (alive(pid)) process.kill(pid, "SIGTERM");
  for (let i = 0; i < 30 && alive(pid); i++) execSync("sleep 1");
  if (listening(2377)) console.warn("warning: something still listens on port 2377; the Docker Swarm test will fail until it stops");
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a TCP port is in LISTEN state, from /proc/net/tcp{,6} (no ss or netstat needed). */
function listening(port) {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  return ["/proc/net/tcp", "/proc/net/tcp6"].some(
    (file) =>
      existsSync(file) &&
      readFileSync(file, "utf8")
        .split("\n")
        .some((line) => line.split(/\s+/)[2]?.endsWith(hex) && line.split(/\s+/)[4] === "0A"),
  );
}

const npx = (args, name) => step(name, "npx", args);

ensurePostgres();
ensureDebianPackages();
// tsc and eslint are single-threaded: side by side they take the longer one's time.
await together([
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "."]],
]);
npx(["prettier", "--check", "."], "format");
// The build first: tests/scripts/start-output.test.ts starts the built server, as `npm start` does.
step("build", process.execPath, ["scripts/build.mjs"]);
npx(["vitest", "run"], "unit and integration tests (PostgreSQL and PGlite)");
npx(["playwright", "test"], "end-to-end tests (Chromium)");

console.log("\n=== timings");
for (const [name, ms] of timings) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);
