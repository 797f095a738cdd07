import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env; the CLI here is used only for `generate`.
// Migrations run through lib/db/migrate.ts (WASM schema engine) because the
// native engine cannot be downloaded on offline machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
