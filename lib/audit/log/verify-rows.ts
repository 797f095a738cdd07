// What verification reads: the sealed leaves in tree order, each with its
// event (null columns when the event row is gone), and in one statement the
// state of the log it checks them against. Plain SQL over the bulk path:
// Prisma's per-row mapping costs more than the hashing (see audit-rows.ts).
import { connection, databaseKind, type Tx } from "../../db/client";
import type { RawAuditRow } from "../audit-rows";

/** A leaf and its event; the event's columns are null when its row is gone. */
export type LeafRow = Omit<RawAuditRow, "prevHash" | "hash" | "time"> & {
  leafIndex: string;
  leafHash: Uint8Array;
  /** No event row has the leaf's seq (archived, or deleted). Not "time is null": a column can be nulled by hand. */
  gone: boolean;
  time: string | null;
};

// The event's columns as text exactly as audit-rows.ts sends them to the
// sealer (to_char for the time, JSONB as text): the leaf was hashed over those.
// A count from `start`, not a range, so that after a hole in the leaf
// indexes the next leaf still comes along to bound it.
export const LEAF_ROWS_SQL = `
  SELECT l."leafIndex"::text AS "leafIndex", l."seq"::text AS "seq", l."hash" AS "leafHash", e."seq" IS NULL AS "gone",
    to_char(e."time" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "time",
    e."actorType", e."actorId", e."actorLabel", e."action", e."resourceType", e."resourceId", e."resourceName", e."namespace",
    e."outcome", e."ip", e."userAgent", e."requestId", e."details"::text AS "details"
  FROM "AuditLeaf" l LEFT JOIN "AuditEvent" e USING ("seq")
  WHERE l."leafIndex" >= $1::bigint
  ORDER BY l."leafIndex" LIMIT $2::bigint - $1::bigint`;

export type LeafReader = (start: number, end: number) => Promise<LeafRow[]>;

/** The end − start leaves from `start` on (those of [start, end) unless some are gone), over the bulk connection. */
export const bulkLeafRows: LeafReader = (start, end) => connection().bulkQuery<LeafRow>(LEAF_ROWS_SQL, [String(start), String(end)]);

/**
 * A reader for code that runs inside a transaction (a job step). On PGlite
 * the bulk path would wait for that very transaction (one session), so it
 * reads through `tx`; on PostgreSQL the bulk pool is faster, and sealed
 * leaves never change, so reading them outside the transaction is the same.
 */
export function leafReaderFor(tx: Pick<Tx, "$queryRawUnsafe">): LeafReader {
  if (databaseKind() === "postgresql") return bulkLeafRows;
  return (start, end) => tx.$queryRawUnsafe<LeafRow[]>(LEAF_ROWS_SQL, String(start), String(end));
}

/** The log as one snapshot saw it: tree size and newest checkpoint together, as sealing writes them. */
export type LogState = {
  /** max(leafIndex) + 1; 0 for an empty tree. */
  treeSize: number;
  lastLeafSeq: string | null;
  sealedThroughSeq: string;
  unsealed: number;
  /** The highest seq retention archived (from `audit.archived` events), or null. */
  archivedThroughSeq: string | null;
  head: { size: string; note: string; lastSeq: string; keyId: string } | null;
};

type StateRow = {
  lastLeaf: string | null;
  lastLeafSeq: string | null;
  sealedThroughSeq: string;
  unsealed: number;
  archivedThroughSeq: string | null;
  headSize: string | null;
  headNote: string | null;
  headLastSeq: string | null;
  headKeyId: string | null;
};

// One statement, so the tree size and the checkpoint come from the same
// snapshot (a sealing that commits in between cannot make them disagree).
// An archive counts once its own event is sealed (the claim is then part
// of signed history), and covers at most the events before it: a
// `throughSeq` past it, or one that is not a number, counts for nothing.
const STATE = `
  SELECT
    (SELECT max(l."leafIndex")::text FROM "AuditLeaf" l) AS "lastLeaf",
    (SELECT l."seq"::text FROM "AuditLeaf" l ORDER BY l."leafIndex" DESC LIMIT 1) AS "lastLeafSeq",
    COALESCE(s."sealedThroughSeq", 0)::text AS "sealedThroughSeq",
    (SELECT count(*) FROM "AuditEvent" e WHERE e."seq" > COALESCE(s."sealedThroughSeq", 0))::int AS "unsealed",
    (SELECT max(LEAST(CASE WHEN a."details"->>'throughSeq' ~ '^[0-9]{1,18}$' THEN (a."details"->>'throughSeq')::bigint END, a."seq" - 1))::text
       FROM "AuditEvent" a WHERE a."action" = 'audit.archived' AND a."seq" <= COALESCE(s."sealedThroughSeq", 0)) AS "archivedThroughSeq",
    c."size"::text AS "headSize", c."note" AS "headNote", c."lastSeq"::text AS "headLastSeq", c."keyId" AS "headKeyId"
  FROM (SELECT 1) AS one
  LEFT JOIN "AuditSequencer" s ON s."id" = 1
  LEFT JOIN LATERAL (SELECT * FROM "AuditCheckpoint" ORDER BY "size" DESC LIMIT 1) c ON true`;

export async function readLogState(reader: Pick<Tx, "$queryRawUnsafe"> | null = null): Promise<LogState> {
  const [row] = reader ? await reader.$queryRawUnsafe<StateRow[]>(STATE) : await connection().bulkQuery<StateRow>(STATE, []);
  const r = row!;
  return {
    treeSize: r.lastLeaf === null ? 0 : Number(r.lastLeaf) + 1,
    lastLeafSeq: r.lastLeafSeq,
    sealedThroughSeq: r.sealedThroughSeq,
    unsealed: Number(r.unsealed),
    archivedThroughSeq: r.archivedThroughSeq,
    head: r.headNote === null ? null : { size: r.headSize!, note: r.headNote, lastSeq: r.headLastSeq!, keyId: r.headKeyId! },
  };
}
