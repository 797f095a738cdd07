// Vitest global setup of the PGlite project: one migrated in-memory
// database per run, dumped to a file that each test file starts from
// (loading the image takes under a second; initdb and every migration
// took about five seconds a file).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteImage: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "coffer-pglite-image-"));
  const file = join(dir, "migrated.tar");
  const made = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "write-pglite-image.ts"), file], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "test" },
  });
  if (made.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`making the migrated PGlite image failed (exit ${made.status ?? made.signal})`);
  }
  project.provide("pgliteImage", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
