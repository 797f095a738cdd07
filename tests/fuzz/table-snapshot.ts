// One query that fingerprints every domain table: its row count and a hash
// of the columns a request could change. Taken before a request and again
// after a 4xx or 5xx, it shows a partial write: a refusal must leave the
// domain as it was (only the audit trail and throttle bookkeeping move).
import { db } from "@/lib/db/client";

// Tables a refused request may write: the audit trail records every
// denial, the throttles count failures. A table named like throttle or
// failure bookkeeping (the aggregation of rejected credentials) counts too.
const BOOKKEEPING = new Set(["AuditEvent", "LoginThrottle", "_prisma_migrations"]);
const BOOKKEEPING_NAME = /throttle|rejection|failure|denial|attempt|ratelimit|rate_limit/i;

// Columns hashed per table; the rest (lastUsedAt, timestamps a read may
// touch, ciphertext a re-wrap may rewrite) only count rows.
const CONTENT: Record<string, string[]> = {
  User: ["id", "email", "name", "passwordHash", "disabled"],
  Session: ["id"],
  Namespace: ["id", "name"],
  Role: ["id", "name", "description", "permissions"],
  RoleBinding: ["id", "userId", "roleId", "namespaceId"],
  Secret: ["id", "name", "type", "labels", "immutable", "currentVersion", "metaVersion", "deletedAt"],
  SecretVersion: ["id", "secretId", "version", "sizeBytes", "keys"],
  AccessToken: ["id", "userId", "scopes", "expiresAt", "revokedAt"],
  Service: ["id", "name", "description", "labels", "namespaceId"],
  SecretBinding: ["id", "serviceId", "secretId", "target", "uid", "gid", "mode", "envName", "key", "pinnedVersion"],
  ServiceToken: ["id", "serviceId", "name", "expiresAt", "revokedAt"],
  SecretAccess: ["id", "secretId", "readerKey", "count"],
  Invite: ["id", "email", "roleId", "namespaceId", "usedAt", "revokedAt"],
  PasswordReset: ["id", "userId", "usedAt"],
  SetupToken: ["id", "tokenHash"],
  Job: ["id", "kind", "state"],
};

export type Snapshot = Record<string, string>;
export type SnapshotPlan = { sql: string; domain: string[]; bookkeeping: string[] };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads the schema once: which tables exist, which columns of them to hash. */
export async function planSnapshot(): Promise<SnapshotPlan> {
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Set<string>>();
  for (const row of columns) tables.set(row.table_name, (tables.get(row.table_name) ?? new Set()).add(row.column_name));
  const domain: string[] = [];
  const bookkeeping: string[] = [];
  const parts: string[] = [];
  for (const [table, present] of tables) {
    if (BOOKKEEPING.has(table) || BOOKKEEPING_NAME.test(table)) {
      bookkeeping.push(table);
      continue;
    }
    domain.push(table);
    // A table this file does not know is still counted, and hashed whole but for its timestamps.
    const hashed = (CONTENT[table] ?? [...present].filter((c) => !/At$|time/i.test(c))).filter((c) => present.has(c));
    const row = hashed.map((c) => `coalesce(${quote(c)}::text, '~')`).join(`, `);
    parts.push(
      `(SELECT count(*)::text || ':' || coalesce(sum(hashtext(concat_ws('|', ${row || "''"})))::text, '0') FROM ${quote(table)}) AS ${quote(table)}`,
    );
  }
  return { sql: `SELECT ${parts.join(",\n")}`, domain, bookkeeping };
}

export async function snapshot(plan: SnapshotPlan): Promise<Snapshot> {
  const [row] = await db.$queryRawUnsafe<Snapshot[]>(plan.sql);
  return row!;
}

/** Tables whose count or content differs, as `Secret (rows 12→13)`. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => {
      const [rowsBefore] = before[table]!.split(":");
      const [rowsAfter] = after[table]!.split(":");
      return rowsBefore === rowsAfter ? `${table} (content changed, ${rowsAfter} rows)` : `${table} (rows ${rowsBefore}→${rowsAfter})`;
    });
}
