#!/usr/bin/env node
// `npx coffer` in the repository: runs the CLI package's bundle
// (packages/cli/dist/coffer.mjs), building it first when it is missing or
// older than the sources it is made of (esbuild takes well under a second).
// The installed CLI is that bundle alone: `npm pack ./packages/cli`.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packages = fileURLToPath(new URL("../packages/", import.meta.url));
const bundle = join(packages, "cli", "dist", "coffer.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleMtime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(
  newestSource(join(packages, "cli", "src")),
  newestSource(join(packages, "contracts", "src")),
  statSync(join(packages, "cli", "build.mjs")).mtimeMs,
);
if (bundleMtime() < sources) {
  const { buildCli } = await import(pathToFileURL(join(packages, "cli", "build.mjs")).href);
  await buildCli();
}
await import(pathToFileURL(bundle).href);
