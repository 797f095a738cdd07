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
  try {
    await applyMigrations(postgresAdapter(databaseUrl(template)));
  } catch (error) {
    await dropDatabase(template);
    throw error;
  }
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(template);
  };
}
