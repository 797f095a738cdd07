// One SecretAccess row per (secret, reader): first and last read and a
// count, for reverse lookup ("who read this, and when") and stale secrets.
//
// Lock order: a first read inserts, and the insert's foreign-key check
// share-locks the Secret row, which a rotation holds FOR UPDATE while it
// waits for the audit chain's lock. Call these before recordAudit() in the
// same transaction, never after, or the two deadlock.
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";

export type Reader = { type: "service" | "user"; id: string; label: string };

export async function recordSecretAccess(tx: Tx, secretId: string, reader: Reader, now = new Date()) {
  await recordSecretAccesses(tx, [secretId], reader, now);
}

/**
 * Every secret one reader read in one request, in one statement: a secret
 * listed n times (bound at n targets) counts n reads. Rows go in secret id
 * order, so two such statements lock shared rows in the same order.
 */
export async function recordSecretAccesses(tx: Tx, secretIds: readonly string[], reader: Reader, now = new Date()) {
  const reads = new Map<string, number>();
  for (const id of secretIds) reads.set(id, (reads.get(id) ?? 0) + 1);
  if (!reads.size) return;
  const key = `${reader.type}:${reader.id}`;
  const rows = [...reads]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([secretId, count]) =>
      Prisma.sql`(${`acc_${randomBytes(10).toString("hex")}`}, ${secretId}, ${key}, ${reader.type}, ${reader.id}, ${reader.label}, ${now}, ${now}, ${count}::integer)`,
    );
  await tx.$executeRaw`
    INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("secretId", "readerKey") DO UPDATE
      SET "lastReadAt" = EXCLUDED."lastReadAt", "count" = "SecretAccess"."count" + EXCLUDED."count", "readerLabel" = EXCLUDED."readerLabel"`;
}
