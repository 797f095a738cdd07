// Gives every integration test file a database of its own, migrated and
// empty but for what the migrations seed, and makes it the process's
// connection for lib/db.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeConnection, connect, setConnection } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
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
  const connection = connect({ dataDir: "memory://" });
  await applyMigrations(connection.adapter);
  setConnection(connection);
}

afterAll(async () => {
  await closeConnection();
  if (dropAfter) await dropDatabase(dropAfter);
});
