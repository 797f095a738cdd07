// Which sources a build was made from: one SHA-256 per file that can change
// the built server or console. `npm start` compares the build's record with
// the tree to rebuild only when a source changed, by content: `npm install`
// regenerates the Prisma client and touches every mtime without changing a
// byte, so times alone rebuilt on every second start (issue 17).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const BUILD_SOURCES = [
  "app",
  "features",
  "components",
  "lib",
  "packages/contracts",
  "prisma/schema.prisma",
  "proxy.ts",
  "server.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "scripts/build.mjs",
];

// Derived (the Prisma client comes from prisma/schema.prisma) or never built in.
const skipped = (path) =>
  path.split(sep).includes("node_modules") || path.startsWith(join("lib", "generated")) || /\.(int\.)?test\.tsx?$/.test(path);

export const FINGERPRINT_FILE = join(".next", "coffer-sources.json");

function filesUnder(root, path, out) {
  const full = join(root, path);
  if (!existsSync(full) || skipped(path)) return out;
  if (statSync(full).isDirectory()) {
    for (const entry of readdirSync(full).sort()) filesUnder(root, join(path, entry), out);
  } else {
    out.push(path);
  }
  return out;
}

/** `{ "<path>": "<sha256>" }` of every build source under root, paths with "/". */
export function sourceFingerprint(root = process.cwd(), sources = BUILD_SOURCES) {
  const files = sources.flatMap((source) => filesUnder(root, source, []));
  return Object.fromEntries(
    files.map((file) => [
      relative(root, join(root, file)).split(sep).join("/"),
      createHash("sha256")
        .update(readFileSync(join(root, file)))
        .digest("hex"),
    ]),
  );
}

/** The recorded fingerprint of the last finished build, or null. */
export function recordedFingerprint(root = process.cwd()) {
  try {
    return JSON.parse(readFileSync(join(root, FINGERPRINT_FILE), "utf8"));
  } catch {
    return null;
  }
}

export function recordFingerprint(fingerprint, root = process.cwd()) {
  writeFileSync(join(root, FINGERPRINT_FILE), JSON.stringify(fingerprint));
}

/** Paths added, removed or changed between two fingerprints, sorted. */
export function changedSources(before, after) {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}
