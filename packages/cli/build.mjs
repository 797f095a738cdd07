// Bundles the CLI (src/main.ts and what it imports: its own code and
// packages/contracts) into one ESM file, dist/coffer.mjs, that needs nothing
// but Node.js: what `npm pack` ships and what bin/coffer.mjs runs. esbuild
// comes from the repository's dependencies; the package itself has none.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const CLI_ROOT = fileURLToPath(new URL(".", import.meta.url));
export const CLI_BUNDLE = fileURLToPath(new URL("dist/coffer.mjs", import.meta.url));

export async function buildCli() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("src/main.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // grpc-js (bundled for `coffer kms-plugin`) is CommonJS and require()s
    // Node builtins, which an ESM bundle cannot do without a real require.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as cofferCreateRequire } from "node:module";\nconst require = cofferCreateRequire(import.meta.url);',
    },
    // The tsconfig of the repository (its `@/` alias) must not be needed: the CLI imports relatively.
    tsconfigRaw: {},
    write: false,
    logLevel: "warning",
  });
  // Written aside and renamed: several `coffer` processes may build at once
  // (parallel tests), and none may run a half-written file.
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  const partial = `${CLI_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  chmodSync(partial, 0o755);
  renameSync(partial, CLI_BUNDLE);
  return CLI_BUNDLE;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildCli();
