// Vitest global setup of the PGlite project: one migrated in-memory
// database per run, dumped to a file that each test file starts from
// (loading the image takes under a second; initdb and every migration
// took about five seconds a file).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteImage: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "coffer-pglite-image-"));
  const pglite = new PGlite("memory://");
  try {
    await applyMigrations(new PrismaPGlite(pglite));
    const file = join(dir, "migrated.tar");
    writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    project.provide("pgliteImage", file);
  } finally {
    await pglite.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
