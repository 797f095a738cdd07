// Vitest global setup: one migrated template database per run; each test
// file copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { postgresAdapter } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { adminQuery, databaseUrl, dropDatabase } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = `coffer_test_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${template}"`);
  const adapter = postgresAdapter(databaseUrl(template));
  await applyMigrations(adapter);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(template);
  };
}
