// Applies prisma/migrations with the WASM schema engine, keeping Prisma's
// own `_prisma_migrations` bookkeeping, on PostgreSQL and PGlite alike.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./schema-engine";

export const migrationsDir = join(process.cwd(), "prisma", "migrations");
export const schemaPath = join(process.cwd(), "prisma", "schema.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

export function readMigrations(dir = migrationsDir): MigrationList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * The engine opens its own connections through the factory and never
 * closes them; an idle pool left behind keeps a database busy (CREATE
 * DATABASE … TEMPLATE then fails), so we close what it opened.
 */
function disposingFactory(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: { dispose(): Promise<void> }[] = [];
  const track = <T extends { dispose(): Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  return { wrapped, disposeAll: () => Promise.all(opened.map((a) => a.dispose().catch(() => undefined))) };
}

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const { wrapped, disposeAll } = disposingFactory(adapter);
  const engine = await openSchemaEngine(wrapped, readFileSync(schemaPath, "utf8"));
  try {
    const result = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
    await disposeAll();
  }
}

/**
 * SQL that takes a database with every existing migration applied to the
 * current schema. `adapter` must point at such a scratch database.
 */
export async function diffToSchema(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const schema = readFileSync(schemaPath, "utf8");
  const engine = await openSchemaEngine(adapter, schema);
  try {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: schema }], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
