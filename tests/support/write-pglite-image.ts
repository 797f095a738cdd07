// Writes a migrated, empty PGlite data directory to the file named by
// argv[2]. Run as a process of its own by pglite-template.ts: Prisma's WASM
// schema engine fails when vitest's main process runs it a second time (the
// PostgreSQL template's migration is the first), with "The encoded data was
// not valid for encoding utf-8".
import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "../../lib/db/migrate";

const file = process.argv[2];
if (!file) throw new Error("usage: write-pglite-image.ts FILE");
const pglite = new PGlite("memory://");
try {
  await applyMigrations(new PrismaPGlite(pglite));
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
} finally {
  await pglite.close();
}
