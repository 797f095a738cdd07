// npm start: build the console when the sources changed since the last
// build, then run the compiled server (server.ts: preflight + Next.js).
// `--dev` runs server.ts through tsx with Next's development server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "./server-process.mjs";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const SOURCES = [
  "app",
  "features",
  "components",
  "lib",
  "proxy.ts",
  "server.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "scripts/build.mjs",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(join(root, ".next", "coffer-server", "server.mjs"))) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

if (!dev && buildIsStale()) {
  console.log("coffer: building the console (first start or changed sources)…");
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const production = serverProcess({ ...env, NODE_ENV: "production" }, root);
const server = dev
  ? spawn(process.execPath, ["--import", "tsx", join(root, "server.ts"), "--dev"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "development" },
    })
  : spawn(process.execPath, production.args, { stdio: "inherit", env: production.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
