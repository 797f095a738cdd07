// An audit export's JSONL line, written by the server (export, archives)
// and read back by the CLI's offline verifier: one definition, so the two
// cannot disagree about a field.
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
  prevHash: string | null;
  hash: string | null;
};

/** A row as exported: with its leaf in the Merkle tree (null until sealed), so an export can be verified offline. */
export type ExportAuditRow = RawAuditRow & {
  /** Decimal text of the leaf index. */
  leafIndex: string | null;
  /** Base64 of the stored leaf hash. */
  leafHash: string | null;
};

/**
 * An AuditEventDto as one JSON line, written from the row's text: export
 * writes millions, and building, parsing and re-serialising an object per
 * row was most of its time and garbage. `details` is the database's JSONB
 * text as is. A unit test holds the line equal to the DTO.
 */
export function jsonlLine(row: ExportAuditRow): string {
  return (
    `{"seq":"${row.seq}","time":"${row.time}","actor":{"type":${str(row.actorType)},"id":${str(row.actorId)},"label":${str(row.actorLabel)}},` +
    `"action":${str(row.action)},"resource":{"type":${str(row.resourceType)},"id":${str(row.resourceId)},"name":${str(row.resourceName)}},` +
    `"namespace":${str(row.namespace)},"outcome":${str(row.outcome)},"ip":${str(row.ip)},"userAgent":${str(row.userAgent)},` +
    `"requestId":${str(row.requestId)},"details":${row.details},"prevHash":${str(row.prevHash)},"hash":${str(row.hash)},` +
    `"leafIndex":${row.leafIndex ?? "null"},"leafHash":${str(row.leafHash)}}\n`
  );
}
