// npm test: everything, from a fresh clone, on a machine with Node 20, npm,
// root, and PostgreSQL at 127.0.0.1:5432. Installs Debian's chromium for
// Playwright, docker.io for the Swarm test and kubectl for the manifest
// tests when they are missing, and starts PostgreSQL when it is down.
import { execSync, spawnSync } from "node:child_process";
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

// The Docker Swarm test (tests/swarm) runs a real dockerd: Debian's docker.io,
// and a static busybox to build its image from, since nothing can be pulled.
function ensureDocker() {
  if (["/usr/sbin/dockerd", "/usr/bin/docker", "/bin/busybox"].every((path) => existsSync(path))) return;
  console.log("\n=== installing Debian's docker.io and busybox-static for the Docker Swarm test");
  step("apt-get update", "apt-get", ["update", "-qq"]);
  step(
    "apt-get install docker.io busybox-static",
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", "docker.io", "busybox-static"],
    {
      env: { DEBIAN_FRONTEND: "noninteractive" },
    },
  );
  stopPackagedDockerd();
}

// The manifest tests feed Coffer's output to the real kubectl. Debian's
// kubernetes-client is the fallback when no kubectl is on the PATH.
function ensureKubectl() {
  if (quiet("kubectl version --client")) return;
  console.log("\n=== installing Debian's kubernetes-client (kubectl) for the manifest tests");
  step("apt-get update", "apt-get", ["update", "-qq"]);
  step("apt-get install kubernetes-client", "apt-get", ["install", "-y", "-qq", "--no-install-recommends", "kubernetes-client"], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}

// The Vault API tests (tests/vault, e2e/vault-clients.spec.ts) drive Coffer
// with a client no one here wrote: Debian's python3-hvac, run by Debian's python3.
function ensureHvac() {
  if (quiet("/usr/bin/python3 -c 'import hvac'")) return;
  console.log("\n=== installing Debian's python3-hvac for the Vault API tests");
  step("apt-get update", "apt-get", ["update", "-qq"]);
  step("apt-get install python3-hvac", "apt-get", ["install", "-y", "-qq", "--no-install-recommends", "python3-hvac"], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
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
ensureChromium();
ensureDocker();
ensureKubectl();
ensureHvac();
npx(["tsc", "--noEmit"], "typecheck");
npx(["eslint", "."], "lint");
npx(["prettier", "--check", "."], "format");
npx(["vitest", "run"], "unit and integration tests (PostgreSQL and PGlite)");
step("build", process.execPath, ["scripts/build.mjs"]);
npx(["playwright", "test"], "end-to-end tests (Chromium)");

console.log("\n=== timings");
for (const [name, ms] of timings) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);
