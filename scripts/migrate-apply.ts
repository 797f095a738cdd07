// npm run db:migrate: apply pending migrations to the configured database
// (the server also does this at every start).
import { parseConfig } from "../lib/config/env";
import { connect } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";

const cfg = parseConfig();
const connection = connect({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.dataDir });
try {
  const applied = await applyMigrations(connection.adapter);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await connection.close();
}
