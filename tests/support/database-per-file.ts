// Gives every integration test file a database of its own, migrated and
// empty but for what the migrations seed, and makes it the process's
// connection for lib/db.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { closeConnection, connect, setConnection } from "../../lib/db/client";
import { adminQuery, databaseUrl, dropDatabase } from "./postgres";

let dropAfter: string | undefined;

if (process.env.COFFER_TEST_DB === "postgres") {
  const template = inject("templateDatabase");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  dropAfter = name;
  process.env.DATABASE_URL = databaseUrl(name);
  setConnection(connect({ databaseUrl: databaseUrl(name), dataDir: "" }));
} else {
  delete process.env.DATABASE_URL;
  // The run's migrated image (tests/support/pglite-template.ts), so each file starts as a fresh migrated database.
  const image = new Blob([readFileSync(inject("pgliteImage"))]);
  setConnection(connect({ dataDir: "memory://", pgliteImage: image }));
}

afterAll(async () => {
  await closeConnection();
  if (dropAfter) await dropDatabase(dropAfter);
});
