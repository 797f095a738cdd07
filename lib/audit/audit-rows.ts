// Audit rows read with plain SQL for the two bulk paths (export and chain
// verification), which read every row: Prisma's model mapping of BigInt,
// Date and JSON per row costs more than the work itself there.
import { connection, type Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { jsonString as str } from "./canonical";

export type RawAuditRow = {
  seq: string;
  time: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  namespace: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: string;
  prevHash: string;
  hash: string;
};

type Reader = Pick<Tx, "$queryRaw">;

function rowsQuery(where: Prisma.Sql, after: bigint, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "seq"::text AS "seq",
      to_char("time" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "time",
      "actorType", "actorId", "actorLabel", "action", "resourceType", "resourceId", "resourceName", "namespace",
      "outcome", "ip", "userAgent", "requestId", "details"::text AS "details", "prevHash", "hash"
    FROM "AuditEvent" WHERE "AuditEvent"."seq" > ${after} AND ${where}
    ORDER BY "AuditEvent"."seq" LIMIT ${limit}`; // not the text alias: numeric order
}

/** Rows with seq > after (ascending), matching `where`, at most `limit`, inside a transaction. */
export function rawAuditRows(reader: Reader, where: Prisma.Sql, after: bigint, limit: number): Promise<RawAuditRow[]> {
  return reader.$queryRaw<RawAuditRow[]>(rowsQuery(where, after, limit));
}

/** The same rows over the connection's bulk path (no transaction), for export and verification. */
export function bulkAuditRows(where: Prisma.Sql, after: bigint, limit: number): Promise<RawAuditRow[]> {
  const query = rowsQuery(where, after, limit);
  return connection().bulkQuery<RawAuditRow>(query.text, query.values.map((v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * An AuditEventDto as one JSON line, written from the row's text: export
 * writes millions, and building, parsing and re-serialising an object per
 * row was most of its time and garbage. `details` is the database's JSONB
 * text as is. A unit test holds the line equal to the DTO.
 */
export function jsonlLine(row: RawAuditRow): string {
  return (
    `{"seq":"${row.seq}","time":"${row.time}","actor":{"type":${str(row.actorType)},"id":${str(row.actorId)},"label":${str(row.actorLabel)}},` +
    `"action":${str(row.action)},"resource":{"type":${str(row.resourceType)},"id":${str(row.resourceId)},"name":${str(row.resourceName)}},` +
    `"namespace":${str(row.namespace)},"outcome":${str(row.outcome)},"ip":${str(row.ip)},"userAgent":${str(row.userAgent)},` +
    `"requestId":${str(row.requestId)},"details":${row.details},"prevHash":"${row.prevHash}","hash":"${row.hash}"}\n`
  );
}

/** The last line of a JSONL export that broke off after its 200 was sent: an error object, never an event. */
export function jsonlIncomplete(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } })}\n`;
}
