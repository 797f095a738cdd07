// One SecretAccess row per (secret, reader): first and last read and a
// count, for reverse lookup ("who read this, and when") and stale secrets.
// The audit events (`secret.read`, `secret.reveal`) are the record of
// every read; these rows are the index the console reads.
//
// Locks: inserting a row share-locks its Secret row (the foreign-key
// check), so a first read waits for a rotation of that secret to commit
// (the rotation holds the row FOR UPDATE). Rows go in secret id order, so
// two readers take those locks in the same order.
import type { Tx } from "../db/client";
import { newId } from "../db/ids";
import { Prisma } from "../generated/prisma/client";

export type Reader = { type: "service" | "user"; id: string; label: string };

export function readerKey(reader: Reader): string {
  return `${reader.type}:${reader.id}`;
}

/** A secret listed n times (bound at n targets) counts n reads; sorted by secret id. */
function readsBySecret(secretIds: readonly string[]): [string, number][] {
  const reads = new Map<string, number>();
  for (const id of secretIds) reads.set(id, (reads.get(id) ?? 0) + 1);
  return [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function accessRows(reads: [string, number][], reader: Reader, now: Date) {
  return reads.map(
    ([secretId, count]) =>
      Prisma.sql`(${newId("acc")}, ${secretId}, ${readerKey(reader)}, ${reader.type}, ${reader.id}, ${reader.label}, ${now}, ${now}, ${count}::integer)`,
  );
}

/**
 * One read, counted exactly in the caller's transaction: a person revealing
 * a value (rare, and only that person's own row is locked until COMMIT).
 */
export async function recordSecretAccess(tx: Tx, secretId: string, reader: Reader, now = new Date()) {
  await tx.$executeRaw`
    INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
    VALUES ${Prisma.join(accessRows(readsBySecret([secretId]), reader, now))}
    ON CONFLICT ("secretId", "readerKey") DO UPDATE
      SET "lastReadAt" = EXCLUDED."lastReadAt", "count" = "SecretAccess"."count" + EXCLUDED."count", "readerLabel" = EXCLUDED."readerLabel"`;
}

/**
 * A service's reads, in one statement that locks no existing row: the
 * first read of a (secret, reader) pair inserts its row here, in the
 * read's transaction, so reverse lookup names the reader as soon as the
 * value has left (and not at all if the transaction rolls back). A row
 * that exists is left alone (ON CONFLICT DO NOTHING takes no row lock), so
 * a service fetching from many connections at once does not queue on it.
 * Returns the reads of those existing rows, per secret id: the caller
 * counts them after COMMIT with countRepeatReads() (access-counts.ts).
 */
export async function recordFirstReads(
  tx: Tx,
  secretIds: readonly string[],
  reader: Reader,
  now = new Date(),
): Promise<Map<string, number>> {
  const reads = readsBySecret(secretIds);
  if (!reads.length) return new Map();
  const inserted = await tx.$queryRaw<{ secretId: string }[]>`
    INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
    VALUES ${Prisma.join(accessRows(reads, reader, now))}
    ON CONFLICT ("secretId", "readerKey") DO NOTHING
    RETURNING "secretId"`;
  const first = new Set(inserted.map((row) => row.secretId));
  return new Map(reads.filter(([secretId]) => !first.has(secretId)));
}
