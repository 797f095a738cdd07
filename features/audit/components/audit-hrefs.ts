// Links into the audit log by sequence number.

/** One event's page: every field, its leaf and its inclusion proof. */
export function auditEventHref(seq: string): string {
  return `/audit/events/${encodeURIComponent(seq)}`;
}

/** The list from `seq` down (the list shows events before its cursor). */
export function olderThanHref(seq: string): string {
  return /^\d{1,19}$/.test(seq) ? `/audit?cursor=${BigInt(seq) + 1n}` : "/audit";
}
