// npm run build: generate the Prisma client, then `next build`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
for (const args of [[join("scripts", "prisma-generate.mjs")], [join("node_modules", "next", "dist", "bin", "next"), "build"]]) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
