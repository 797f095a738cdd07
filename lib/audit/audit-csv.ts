// CSV for audit exports (RFC 4180): a field holding a comma, a quote or a
// line break is quoted, with quotes doubled; formula-like cells are defused.
import type { ExportAuditRow } from "./audit-rows";

export const CSV_COLUMNS = [
  "seq",
  "time",
  "actor_type",
  "actor_id",
  "actor_label",
  "action",
  "resource_type",
  "resource_id",
  "resource_name",
  "namespace",
  "outcome",
  "ip",
  "user_agent",
  "request_id",
  "details",
  "prev_hash",
  "hash",
  "leaf_index",
  "leaf_hash",
] as const;

export function csvField(value: string | null): string {
  if (value === null) return "";
  // A cell a spreadsheet would run as a formula (a crafted User-Agent, a
  // name typed at sign-in) is defused with a leading apostrophe (OWASP).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row, straight from the text the database sent (details as PostgreSQL writes JSONB). */
export function csvRow(row: ExportAuditRow): string {
  return (
    `${row.seq},${row.time},${csvField(row.actorType)},${csvField(row.actorId)},${csvField(row.actorLabel)},` +
    `${csvField(row.action)},${csvField(row.resourceType)},${csvField(row.resourceId)},${csvField(row.resourceName)},` +
    `${csvField(row.namespace)},${csvField(row.outcome)},${csvField(row.ip)},${csvField(row.userAgent)},` +
    `${csvField(row.requestId)},${csvField(row.details)},${csvField(row.prevHash)},${csvField(row.hash)},` +
    `${row.leafIndex ?? ""},${csvField(row.leafHash)}\r\n`
  );
}

export const csvHeader = `${CSV_COLUMNS.join(",")}\r\n`;

/**
 * The last line of an export that broke off after its 200 was sent: one
 * field starting `# export incomplete:`, so a reader that skips `#` lines
 * still sees it was told, and one that counts columns stops on it.
 */
export function csvIncomplete(message: string): string {
  return `${csvField(`# ${message.replace(/^the export is incomplete: /, "export incomplete: ")}`)}\r\n`;
}
