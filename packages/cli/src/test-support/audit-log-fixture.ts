// A small audit log as the server would export it, built with the real
// hashing and signing code: events (a few of the old hash chain first),
// their leaves, and signed checkpoints after each "sealing". For the
// offline verifier's tests and the CLI's.
import { jsonlLine, type ExportAuditRow } from "../../../contracts/src/audit/export-line";
import { canonicalEventText, eventTextHash, GENESIS_HASH } from "../../../contracts/src/audit/canonical";
import { auditSigningKey, signCheckpoint, type AuditSigningKey } from "../../../contracts/src/transparency/checkpoint";
import { leafHash, rootOf } from "../../../contracts/src/transparency/merkle";

export const ORIGIN = "coffer.test/audit";
export const fixtureKey = (fill = 9): AuditSigningKey => auditSigningKey(Buffer.alloc(32, fill), ORIGIN);

/** A row as the export reads it, its leaf index as a number for the tests' arithmetic. */
export type FixtureRow = Omit<ExportAuditRow, "leafIndex"> & { leafIndex: number | null };

/** The export's line for a row: the server's own writer. */
export function exportLine(row: FixtureRow): string {
  return jsonlLine({ ...row, leafIndex: row.leafIndex === null ? null : String(row.leafIndex) });
}

/** An archive's line (lib/audit/archive-job.ts): JSON.stringify of the event's DTO, no leaf fields. */
export function archiveLine(row: FixtureRow): string {
  const dto = {
    seq: row.seq,
    time: row.time,
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    resource: { type: row.resourceType, id: row.resourceId, name: row.resourceName },
    namespace: row.namespace,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    details: JSON.parse(row.details),
    prevHash: row.prevHash,
    hash: row.hash,
  };
  return `${JSON.stringify(dto)}\n`;
}

export const rowLeafHash = (row: FixtureRow) => leafHash(Buffer.from(canonicalEventText(row), "utf8"));

const DETAILS = [
  "{}",
  '{"i": 1, "name": "db_pw", "version": 2}',
  '{"b": [1, 2.50, {"x": null}], "a": "\\u0001 é / \\"q\\" \\\\ \\t", "ccc": true}',
  '{"filters": {}, "format": "jsonl"}',
];

/**
 * `count` events with seqs that skip (rolled-back transactions leave gaps),
 * the first `legacy` on the old hash chain, the first `sealed` of them
 * sealed, in batches of `batch` (one checkpoint each).
 */
export function buildLog(options: { count?: number; legacy?: number; sealed?: number; batch?: number; key?: AuditSigningKey } = {}) {
  const { count = 12, legacy = 3, batch = 4, key = fixtureKey() } = options;
  const sealedCount = options.sealed ?? count;
  const rows: FixtureRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const row: FixtureRow = {
      seq: String(i * 2 + 1 + (i > 5 ? 7 : 0)),
      time: new Date(Date.UTC(2026, 11, 1, 10, 0, i, i * 7)).toISOString(),
      actorType: i % 3 ? "user" : "service",
      actorId: i % 3 ? `usr_${i}` : null,
      actorLabel: i % 3 ? "ada@example.com" : "prod/api",
      action: i % 2 ? "secret.read" : "secret.create",
      resourceType: "secret",
      resourceId: `sec_${i}`,
      resourceName: i === 4 ? 'we"ird \u2028 name' : `db_pw_${i}`,
      namespace: "default",
      outcome: i === 7 ? "denied" : "success",
      ip: i % 2 ? "192.0.2.7" : null,
      userAgent: i % 4 ? "coffer-cli/1.0" : null,
      requestId: `req-${i}`,
      details: DETAILS[i % DETAILS.length]!,
      prevHash: null,
      hash: null,
      leafIndex: null,
      leafHash: null,
    };
    if (i < legacy) {
      row.prevHash = prev;
      row.hash = eventTextHash(prev, row);
      prev = row.hash;
    }
    if (i < sealedCount) {
      row.leafIndex = i;
      row.leafHash = rowLeafHash(row).toString("base64");
    }
    rows.push(row);
  }
  const leaves = rows.slice(0, sealedCount).map(rowLeafHash);
  const checkpoints: { size: number; note: string; lastSeq: string; rootHash: string; time: string }[] = [];
  for (let size = Math.min(batch, sealedCount); size > 0; size = size === sealedCount ? 0 : Math.min(size + batch, sealedCount)) {
    const time = new Date(Date.UTC(2026, 11, 1, 10, 1, size));
    const rootHash = rootOf(leaves.slice(0, size));
    checkpoints.push({
      size,
      note: signCheckpoint({ origin: ORIGIN, size, rootHash, time }, key.privateKey),
      lastSeq: rows[size - 1]!.seq,
      rootHash: rootHash.toString("base64"),
      time: time.toISOString(),
    });
  }
  const checkpointFile = checkpoints
    .map(
      (c) =>
        `${JSON.stringify({ origin: ORIGIN, size: c.size, rootHash: c.rootHash, time: c.time, lastSeq: c.lastSeq, keyId: key.keyId, note: c.note })}\n`,
    )
    .join("");
  return { rows, key, checkpoints, checkpointFile, exportText: rows.map(exportLine).join("") };
}
