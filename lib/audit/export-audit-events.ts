import "server-only";
import type { Actor } from "../auth/actor";
import { BadRequest } from "../http/errors";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import { csvHeader, csvRow } from "./audit-csv";
import { auditSqlWhere, type AuditFilters } from "./audit-filters";
import { bulkAuditRows, jsonlLine } from "./audit-rows";
import { recordAudit } from "./record-audit";

export type ExportFormat = "csv" | "jsonl";
const BATCH = 2_000;

export function parseExportFormat(value: string | null): ExportFormat {
  if (value === null || value === "csv") return "csv";
  if (value === "jsonl") return "jsonl";
  throw new BadRequest("format must be csv or jsonl");
}

/**
 * Oldest first. Rows are read in keyset batches (WHERE seq > last ORDER BY
 * seq LIMIT n), each only when the client has taken the previous one, so
 * memory stays flat however many rows match and a slow client slows the
 * reads instead of filling memory. The export itself is audited first.
 */
export async function exportAuditEvents(actor: Actor, filters: AuditFilters, format: ExportFormat): Promise<ReadableStream<Uint8Array>> {
  await audited(actor, "audit.export", async (tx) => {
    await authorize(tx, actor, "audit:export");
    const shown = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]));
    await recordAudit(tx, actor, { action: "audit.export", details: { format, filters: shown } });
  });
  const where = auditSqlWhere(filters);
  const encoder = new TextEncoder();
  let last = -1n;
  let headerSent = format !== "csv";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader));
        return;
      }
      const rows = await bulkAuditRows(where, last, BATCH);
      if (!rows.length) {
        controller.close();
        return;
      }
      last = BigInt(rows.at(-1)!.seq);
      const text = rows.map(format === "csv" ? csvRow : jsonlLine).join("");
      controller.enqueue(encoder.encode(text));
    },
  });
}
