// npm start: build the console when a source's content changed since the
// last build (scripts/source-fingerprint.mjs), then run the compiled server (server.ts: preflight + Next.js).
// `--dev` runs server.ts through tsx with Next's development server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serverProcess } from "./server-process.mjs";
import { changedSources, recordedFingerprint, sourceFingerprint } from "./source-fingerprint.mjs";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Why the console must be built before starting, or null when the last build is current. */
function buildReason() {
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(join(root, ".next", "coffer-server", "server.mjs"))) {
    return "no build yet";
  }
  const recorded = recordedFingerprint(root);
  if (!recorded) return "the last build did not record its sources";
  const changed = changedSources(recorded, sourceFingerprint(root));
  if (!changed.length) return null;
  const shown = changed.slice(0, 3).join(", ");
  return `${changed.length} source file${changed.length === 1 ? "" : "s"} changed since the last build (${shown}${changed.length > 3 ? ", …" : ""})`;
}

if (!dev) {
  const reason = buildReason();
  if (reason) {
    console.log(`coffer: building the console: ${reason}…`);
    const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else {
    console.log("coffer: sources unchanged since the last build; starting it");
  }
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
