// npm run build: generate the Prisma client, `next build`, then compile
// server.ts and the preflight to plain JavaScript in .next/coffer-server/
// (see server.ts for why production runs without tsx).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import { recordFingerprint, sourceFingerprint } from "./source-fingerprint.mjs";

const serverBundleDir = join(".next", "coffer-server");

// Taken before building: a file edited during the build makes the next start build again.
const sources = sourceFingerprint();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
for (const args of [[join("scripts", "prisma-generate.mjs")], [join("node_modules", "next", "dist", "bin", "next"), "build"]]) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await build({
  entryPoints: { server: "server.ts", preflight: join("lib", "instance", "preflight-cli.ts") },
  outdir: serverBundleDir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Packages load from node_modules as they do under Next; only our own
  // TypeScript is compiled in.
  packages: "external",
  logLevel: "warning",
});
recordFingerprint(sources);
