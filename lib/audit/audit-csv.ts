// CSV for audit exports (RFC 4180): a field holding a comma, a quote or a
// line break is quoted, with quotes doubled; formula-like cells are defused.
import type { AuditEventDto } from "./audit-event-dto";

export const CSV_COLUMNS = [
  "seq", "time", "actor_type", "actor_id", "actor_label", "action", "resource_type", "resource_id", "resource_name",
  "namespace", "outcome", "ip", "user_agent", "request_id", "details", "prev_hash", "hash",
] as const;

export function csvField(value: string | null): string {
  if (value === null) return "";
  // A cell a spreadsheet would run as a formula (a crafted User-Agent, a
  // name typed at sign-in) is defused with a leading apostrophe (OWASP).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(event: AuditEventDto): string {
  const fields = [
    event.seq, event.time, event.actor.type, event.actor.id, event.actor.label, event.action, event.resource.type, event.resource.id,
    event.resource.name, event.namespace, event.outcome, event.ip, event.userAgent, event.requestId, JSON.stringify(event.details),
    event.prevHash, event.hash,
  ];
  return `${fields.map(csvField).join(",")}\r\n`;
}

export const csvHeader = `${CSV_COLUMNS.join(",")}\r\n`;
