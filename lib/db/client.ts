// One Prisma client per process, on PostgreSQL when DATABASE_URL is set and
// on an embedded PGlite database in COFFER_DATA_DIR otherwise (DESIGN 1).
import { mkdirSync } from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { config } from "../config/env";
import { Prisma, PrismaClient } from "../generated/prisma/client";

export type DatabaseKind = "postgresql" | "pglite";
export type Tx = Prisma.TransactionClient;

type Connection = {
  kind: DatabaseKind;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  prisma: PrismaClient;
  /** Plain SQL for bulk reads (audit export and verification), past Prisma's per-row mapping. */
  bulkQuery<R>(text: string, values: unknown[]): Promise<R[]>;
  close(): Promise<void>;
};

// Audit writers queue on one advisory lock (lib/audit), so a transaction may
// wait for others to commit; give it room before Prisma gives up.
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

// @prisma/adapter-pg runs a migration script by splitting it on every ";",
// which breaks PL/pgSQL function bodies. Sending the script whole as one
// simple query runs it as PostgreSQL would (and atomically).
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

function connectPostgres(url: string): Connection {
  const adapter = postgresAdapter(url);
  const prisma = new PrismaClient({ adapter, transactionOptions });
  let bulk: pg.Pool | undefined;
  return {
    kind: "postgresql",
    adapter,
    prisma,
    bulkQuery: async <R,>(text: string, values: unknown[]) => {
      bulk ??= new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
      return (await bulk.query(text, values)).rows as R[];
    },
    close: async () => {
      await prisma.$disconnect();
      await bulk?.end();
    },
  };
}

function connectPglite(dataDir: string): Connection {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter, transactionOptions });
  return {
    kind: "pglite",
    adapter,
    prisma,
    bulkQuery: async <R,>(text: string, values: unknown[]) => (await pglite.query<R>(text, values)).rows,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function postgresAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  return new WholeScriptPrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 });
}

export function connect(options: { databaseUrl?: string; dataDir: string }): Connection {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectPglite(options.dataDir);
}

// Kept on globalThis so Next's dev-mode module reloads reuse one connection
// (PGlite allows one process, and one handle, per data directory).
const holder = globalThis as unknown as { cofferDb?: Connection };

export function connection(): Connection {
  if (!holder.cofferDb) {
    const cfg = config();
    holder.cofferDb = connect({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.dataDir });
  }
  return holder.cofferDb;
}

/** Replaces the process's connection; used by tests and the start script. */
export function setConnection(next: Connection | undefined): void {
  holder.cofferDb = next;
}

export async function closeConnection(): Promise<void> {
  const current = holder.cofferDb;
  holder.cofferDb = undefined;
  await current?.close();
}

/** The Prisma client of the current connection, opened on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = connection().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export function databaseKind(): DatabaseKind {
  return connection().kind;
}
