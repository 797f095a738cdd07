// npm run db:migrate:new -- <name>
// Replays the committed migrations on a scratch in-memory PGlite, diffs it
// against prisma/schema.prisma and writes the difference as a new migration.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations, diffToSchema, migrationsDir } from "../lib/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:new -- <snake_case_name>");
  process.exit(2);
}
const scratch = new PGlite();
const adapter = new PrismaPGlite(scratch);
await applyMigrations(adapter);
const sql = await diffToSchema(adapter);
await scratch.close();
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("schema.prisma matches the migrations: nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
writeFileSync(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${join(dir, "migration.sql")}`);
