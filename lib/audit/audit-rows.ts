// Audit rows read with plain SQL for the bulk paths (export, sealing,
// archiving), which read every row: Prisma's model mapping of BigInt, Date
// and JSON per row costs more than the work itself there.
import { connection, type Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ExportAuditRow, RawAuditRow } from "../../packages/contracts/src/audit/export-line";

export { jsonlLine, type ExportAuditRow, type RawAuditRow } from "../../packages/contracts/src/audit/export-line";

type Reader = Pick<Tx, "$queryRaw">;

const EVENT_COLUMNS = Prisma.sql`
  "AuditEvent"."seq"::text AS "seq", to_char("AuditEvent"."time" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "time",
  "actorType", "actorId", "actorLabel", "action", "resourceType", "resourceId", "resourceName", "namespace",
  "outcome", "ip", "userAgent", "requestId", "details"::text AS "details", "prevHash", "AuditEvent"."hash"`;

// `where` names AuditEvent's columns unqualified; AuditLeaf shares only
// "seq" and "hash" with it, which are qualified wherever they appear. The
// join repeats the keyset bound for the leaves: without it PostgreSQL
// merges from the first leaf on, and a batch deep in the log read every
// leaf before it (measured: 27 µs a row at seq 400,000 instead of 3).
function rowsQuery(where: Prisma.Sql, after: bigint, limit: number, withLeaf: boolean): Prisma.Sql {
  const from = withLeaf
    ? Prisma.sql`, "AuditLeaf"."leafIndex"::text AS "leafIndex", encode("AuditLeaf"."hash", 'base64') AS "leafHash"
      FROM "AuditEvent" LEFT JOIN "AuditLeaf" ON "AuditLeaf"."seq" = "AuditEvent"."seq" AND "AuditLeaf"."seq" > ${after}`
    : Prisma.sql` FROM "AuditEvent"`;
  return Prisma.sql`
    SELECT ${EVENT_COLUMNS}${from}
    WHERE "AuditEvent"."seq" > ${after} AND ${where}
    ORDER BY "AuditEvent"."seq" LIMIT ${limit}`; // not the text alias: numeric order
}

/** Rows with seq > after (ascending), matching `where`, at most `limit`, inside a transaction (the sealer). */
export function rawAuditRows(reader: Reader, where: Prisma.Sql, after: bigint, limit: number): Promise<RawAuditRow[]> {
  return reader.$queryRaw<RawAuditRow[]>(rowsQuery(where, after, limit, false));
}

/** The same rows with their leaves, inside a transaction (an export's first batch, archiving). */
export function exportAuditRows(reader: Reader, where: Prisma.Sql, after: bigint, limit: number): Promise<ExportAuditRow[]> {
  return reader.$queryRaw<ExportAuditRow[]>(rowsQuery(where, after, limit, true));
}

/** Rows with their leaves over the connection's bulk path (no transaction), for export. */
export function bulkAuditRows(where: Prisma.Sql, after: bigint, limit: number): Promise<ExportAuditRow[]> {
  const query = rowsQuery(where, after, limit, true);
  return connection().bulkQuery<ExportAuditRow>(
    query.text,
    query.values.map((v) => (typeof v === "bigint" ? v.toString() : v)),
  );
}

/** The last line of a JSONL export that broke off after its 200 was sent: an error object, never an event. */
export function jsonlIncomplete(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } })}\n`;
}
