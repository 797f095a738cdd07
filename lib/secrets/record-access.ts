// One SecretAccess row per (secret, reader): first and last read and a
// count, for reverse lookup ("who read this, and when") and stale secrets.
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/client";

export type Reader = { type: "service" | "user"; id: string; label: string };

export async function recordSecretAccess(tx: Tx, secretId: string, reader: Reader, now = new Date()) {
  const key = `${reader.type}:${reader.id}`;
  await tx.$executeRaw`
    INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
    VALUES (${`acc_${randomBytes(10).toString("hex")}`}, ${secretId}, ${key}, ${reader.type}, ${reader.id}, ${reader.label}, ${now}, ${now}, 1)
    ON CONFLICT ("secretId", "readerKey") DO UPDATE
      SET "lastReadAt" = ${now}, "count" = "SecretAccess"."count" + 1, "readerLabel" = ${reader.label}`;
}
