// One Prisma client per process, on PostgreSQL when DATABASE_URL is set and
// on an embedded PGlite database in COFFER_DATA_DIR otherwise (one
// process, no database server to run).
import { mkdirSync } from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { config } from "../config/env";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { log } from "../log/logger";
import { closeConnection, heldConnection, holdConnection } from "./connection-holder";
import { noteDatabaseAnswered } from "./prisma-errors";

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

// Room for a transaction queued behind row locks (a rotation and the reads
// of the same secret) before Prisma gives up.
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

// @prisma/adapter-pg runs a migration script by splitting it on every ";",
// which breaks PL/pgSQL function bodies. Sending the script whole as one
// simple query runs it as PostgreSQL would (and atomically).
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    // A query that succeeds closes an outage in the log (prisma-errors.ts).
    for (const method of ["queryRaw", "executeRaw", "startTransaction"] as const) {
      const original = adapter[method].bind(adapter) as (...args: unknown[]) => Promise<unknown>;
      (adapter as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const result = await original(...args);
        noteDatabaseAnswered();
        return result;
      };
    }
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
    bulkQuery: async <R>(text: string, values: unknown[]) => {
      if (!bulk) {
        bulk = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
        // An idle client whose server connection ends (PostgreSQL restarts,
        // an admin terminates it) makes the pool emit "error"; unheard, that
        // is an uncaught exception. The pool drops the client and opens a
        // new one on next use, as @prisma/adapter-pg's pool does.
        bulk.on("error", (error) => log.warn({ err: error }, "database: an idle bulk-read connection was closed"));
      }
      const { rows } = await bulk.query(text, values);
      noteDatabaseAnswered();
      return rows as R[];
    },
    close: async () => {
      await prisma.$disconnect();
      await bulk?.end();
    },
  };
}

// PostgreSQL's default 128 MB buffer pool is set up inside PGlite's
// WebAssembly memory, which never shrinks: measured on a migrated data
// directory, 16 MB lowers the process's resident memory by ~100 MB (issue 17).
// One embedded connection and a small team's data fit in it; the OS page
// cache still holds the files.
// COFFER_PGLITE_SHARED_BUFFERS (e.g. 128MB) gives a large instance its cache back.
const pgliteSettings = () => ["-c", `shared_buffers=${process.env.COFFER_PGLITE_SHARED_BUFFERS || "16MB"}`, "-c", "wal_buffers=1MB"];

// PGlite (a WebAssembly PostgreSQL and ~10 MB of resident code) loads on
// first use, so a server on DATABASE_URL never carries it.
function connectPglite(dataDir: string, image?: Blob): Connection {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  let opened: Promise<{ pglite: PGlite; factory: SqlMigrationAwareDriverAdapterFactory }> | undefined;
  const open = () =>
    (opened ??= Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]).then(([{ PGlite }, { PrismaPGlite }]) => {
      const startParams = [...PGlite.defaultStartParams, ...pgliteSettings()];
      const pglite = new PGlite(dataDir, image ? { loadDataDir: image, startParams } : { startParams });
      return { pglite, factory: new PrismaPGlite(pglite) };
    }));
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => (await open()).factory.connect(),
    connectToShadowDb: async () => (await open()).factory.connectToShadowDb(),
  };
  const prisma = new PrismaClient({ adapter, transactionOptions });
  return {
    kind: "pglite",
    adapter,
    prisma,
    bulkQuery: async <R>(text: string, values: unknown[]) => (await (await open()).pglite.query<R>(text, values)).rows,
    close: async () => {
      await prisma.$disconnect();
      if (opened) await (await opened).pglite.close();
    },
  };
}

export function postgresAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  return new WholeScriptPrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 });
}

/**
 * `pgliteImage`: a data directory PGlite dumped (dumpDataDir) to start from
 * instead of an empty one; tests start each file from one migrated image,
 * since running initdb and every migration takes seconds a file.
 */
export function connect(options: { databaseUrl?: string; dataDir: string; pgliteImage?: Blob }): Connection {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectPglite(options.dataDir, options.pgliteImage);
}

export { closeConnection };

export function connection(): Connection {
  let current = heldConnection<Connection>();
  if (!current) {
    const cfg = config();
    current = connect({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.dataDir });
    holdConnection(current);
  }
  return current;
}

/** Replaces the process's connection; used by tests and the start script. */
export function setConnection(next: Connection | undefined): void {
  holdConnection(next);
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
