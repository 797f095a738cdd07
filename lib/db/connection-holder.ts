// The process's open database connection, kept on globalThis so Next's
// dev-mode module reloads reuse one connection (PGlite allows one process,
// and one handle, per data directory). Apart from client.ts so server.ts
// can close the connection Next's bundle opened without loading Prisma and
// the database drivers a second time.
type Closable = { close(): Promise<void> };

const slot = globalThis as unknown as { cofferDb?: Closable };

export function heldConnection<T extends Closable>(): T | undefined {
  return slot.cofferDb as T | undefined;
}

export function holdConnection(connection: Closable | undefined): void {
  slot.cofferDb = connection;
}

export async function closeConnection(): Promise<void> {
  const current = slot.cofferDb;
  slot.cofferDb = undefined;
  await current?.close();
}
