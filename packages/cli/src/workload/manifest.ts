// The agent's record of what it put in the delivery directory
// (DIR/.coffer-agent.json, mode 0600): the files it wrote and the
// directories it made. Only these are ever removed, so a user's own file
// in /run/secrets survives every unbind. Paths and nothing else: no value,
// no hash of one (a hash of a short password can be brute-forced).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-file";
import { MANIFEST_NAME, pathProblem } from "./delivery-plan";

export type Manifest = { files: string[]; dirs: string[] };

export async function readManifest(dir: string, warn: (line: string) => void): Promise<Manifest> {
  const path = join(dir, MANIFEST_NAME);
  let parsed: { files?: unknown; dirs?: unknown };
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      warn(`warning: ignoring ${path} (${(error as Error).message}); files it listed will not be removed`);
    }
    return { files: [], dirs: [] };
  }
  // The manifest sits in a directory others may write to: an entry that is
  // not a plain relative path is dropped, never followed.
  const paths = (value: unknown) =>
    Array.isArray(value) ? value.filter((p): p is string => typeof p === "string" && !pathProblem(p)) : [];
  return { files: paths(parsed.files), dirs: paths(parsed.dirs) };
}

export function manifestText(manifest: Manifest): string {
  const sorted = { version: 1, files: [...new Set(manifest.files)].sort(), dirs: [...new Set(manifest.dirs)].sort() };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST_NAME), manifestText(manifest), 0o600);
}
