// Loads Prisma's schema engine compiled to WebAssembly. The package's own
// entry imports the .wasm file as an ES module, which Node 20 cannot do, so
// we instantiate it by hand with the generated JS glue as its import object.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;

function packageDir(): string {
  const require = createRequire(join(process.cwd(), "package.json"));
  return dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
}

async function loadGlue(): Promise<Glue> {
  const dir = packageDir();
  const glue = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ join(dir, "schema_engine_bg.js"))) as Glue;
  const bytes = readFileSync(join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory, datamodel: string): Promise<SchemaEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  return glue.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, () => {}, adapter);
}
