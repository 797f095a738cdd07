import "server-only";
import type { Actor } from "../auth/actor";
import { translatePrismaError } from "../db/prisma-errors";
import { BadRequest, DomainError } from "../errors";
import { log } from "../log/logger";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import { csvHeader, csvIncomplete, csvRow } from "./audit-csv";
import { auditSqlWhere, type AuditFilters } from "./audit-filters";
import { bulkAuditRows, exportAuditRows, jsonlIncomplete, jsonlLine, type ExportAuditRow } from "./audit-rows";
import { recordAudit } from "./record-audit";

export type ExportFormat = "csv" | "jsonl";
const BATCH = 2_000;

export function parseExportFormat(value: string | null): ExportFormat {
  if (value === null || value === "csv") return "csv";
  if (value === "jsonl") return "jsonl";
  throw new BadRequest("format must be csv or jsonl", { field: "format" });
}

/**
 * Oldest first, each event with its leaf in the Merkle tree (leafIndex,
 * leafHash; null while unsealed), so that an unfiltered JSONL export and a
 * checkpoint verify offline (`coffer audit verify --export`). Rows are
 * read in keyset batches (WHERE seq > last ORDER BY seq LIMIT n), each
 * only when the client has taken the previous one, so memory stays flat
 * however many rows match and a slow client slows the reads instead of
 * filling memory. The export itself is audited first.
 *
 * Nothing is sent before the first batch is in hand: a filter the database
 * refuses or a database that is down answers 400 or 503 (and no export
 * event is recorded). A read that fails later, with the 200 already sent,
 * ends the file with a last line saying it is incomplete — JSONL:
 * `{"error":{"code","message"}}`; CSV: a line starting `# export
 * incomplete:` — instead of cutting the connection, so a reader can tell
 * a short export from a whole one.
 */
export async function exportAuditEvents(actor: Actor, filters: AuditFilters, format: ExportFormat): Promise<ReadableStream<Uint8Array>> {
  const where = auditSqlWhere(filters);
  let first = await audited(actor, "audit.export", async (tx) => {
    await authorize(tx, actor, "audit:export");
    const rows = await exportAuditRows(tx, where, -1n, BATCH);
    const shown = Object.fromEntries(
      Object.entries(filters)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]),
    );
    await recordAudit(tx, actor, { action: "audit.export", details: { format, filters: shown } });
    return rows;
  });
  const encoder = new TextEncoder();
  const lines = (rows: ExportAuditRow[]) => encoder.encode(rows.map(format === "csv" ? csvRow : jsonlLine).join(""));
  let last = first.length ? BigInt(first.at(-1)!.seq) : -1n;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(csvHeader));
      if (first.length) controller.enqueue(lines(first));
      first = [];
    },
    async pull(controller) {
      let rows: ExportAuditRow[];
      try {
        rows = await bulkAuditRows(where, last, BATCH);
      } catch (error) {
        const known = translatePrismaError(error);
        const at = last < 0n ? "before the first event" : `after seq ${last}`;
        const why = known instanceof DomainError ? known.message : "of an internal error";
        const message = `the export is incomplete: reading stopped ${at} because ${why}`;
        if (!(known instanceof DomainError)) log.error({ err: error }, "audit export ended early");
        controller.enqueue(
          encoder.encode(
            format === "csv" ? csvIncomplete(message) : jsonlIncomplete(known instanceof DomainError ? known.code : "internal", message),
          ),
        );
        controller.close();
        return;
      }
      if (!rows.length) {
        controller.close();
        return;
      }
      last = BigInt(rows.at(-1)!.seq);
      controller.enqueue(lines(rows));
    },
  });
}
