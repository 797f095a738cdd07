import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = {
  alias: {
    "@/": root,
    // `server-only` throws outside React Server Components; lib code under
    // test is server code, so it resolves to an empty module here.
    "server-only": `${root}tests/support/empty-module.ts`,
  },
};

// Integration tests run twice: on the local PostgreSQL (a fresh database
// per file, copied from a migrated template made once per run) and on an
// in-memory PGlite per file (loaded from a migrated image made once per
// run). The CLI's tests (tests/cli) run on PostgreSQL only: they test the
// CLI against the real server, whose database behaviour every other
// integration test already covers on both. So does the Docker Swarm test
// (tests/swarm): Swarm's port 2377 allows one Swarm per machine. So do the
// real Vault clients' tests (tests/vault), for the CLI's reason. So does the
// PostgreSQL rotation test (tests/rotation): its subject is a private
// PostgreSQL cluster and the agent, not Coffer's own database.
const integration = (database: "postgres" | "pglite") => ({
  resolve,
  test: {
    name: `integration-${database}`,
    include: ["{lib,app,features,components,packages,tests}/**/*.int.test.ts"],
    exclude:
      database === "pglite"
        ? ["tests/cli/**", "tests/swarm/**", "tests/vault/**", "tests/rotation/**", "**/node_modules/**"]
        : ["**/node_modules/**"],
    env: {
      COFFER_TEST_DB: database,
      NODE_ENV: "test" as const,
      COFFER_LOGIN_LOCKOUT_SECONDS: "60",
      // A fixed test key, so tests never generate one into the working tree.
      COFFER_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      COFFER_AUDIT_SIGNING_KEY: Buffer.alloc(32, 9).toString("base64"),
      // Files the code writes (audit archives) go to a scratch directory.
      COFFER_DATA_DIR: join(tmpdir(), `coffer-vitest-${process.pid}`, "data"),
    },
    setupFiles: ["tests/support/database-per-file.ts"],
    globalSetup: [database === "postgres" ? "tests/support/postgres-template.ts" : "tests/support/pglite-template.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is cores − 1: one file at a time on this 2-core
    // machine, with the second core idle while a file waits on PostgreSQL.
    // Two workers keep both busy (measured: README "Tests").
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["{lib,app,features,components,packages,tests}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          env: { NODE_ENV: "test" as const },
        },
      },
      integration("postgres"),
      integration("pglite"),
    ],
  },
});
