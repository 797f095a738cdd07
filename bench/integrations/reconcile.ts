// The audit trail after the run, against what the load generator sent:
// a delivery is one secret.read event (with the Swarm task in its details),
// a runtime read one secret.read per bound secret (one here), and every KMS
// call one count in an integration.kms_usage event. A shortfall is a read
// or call the trail lost; a surplus is one counted twice.
import { adminQuery } from "../support/instance";

type Sent = { runtime: number; delivery: number; status: number; encrypt: number; decrypt: number };

export type Reconciliation = {
  deliveries: { sent: number; events: number; denied: number };
  runtimeReads: { sent: number; events: number };
  kms: {
    sent: { status: number; encrypt: number; decrypt: number };
    counted: { status: number; encrypt: number; decrypt: number };
    failures: Record<string, number>;
    events: number;
    minutes: number;
    /** Most kms_usage events for one minute: 1 unless a flush split a minute. */
    maxEventsPerMinute: number;
  };
  rejectedTokens: number;
  auditEvents: number;
};

export async function reconcile(url: string, sent: Sent): Promise<Reconciliation> {
  const q = <R extends Record<string, unknown>>(sql: string) => adminQuery<R>(sql, [], url);
  const [reads] = await q<{ swarm: string; runtime: string; denied: string }>(`
    SELECT count(*) FILTER (WHERE outcome = 'success' AND details ? 'swarm') AS swarm,
           count(*) FILTER (WHERE outcome = 'success' AND NOT details ? 'swarm') AS runtime,
           count(*) FILTER (WHERE outcome <> 'success') AS denied
      FROM "AuditEvent" WHERE action = 'secret.read'`);
  const usage = await q<{ details: Record<string, unknown> }>(`SELECT details FROM "AuditEvent" WHERE action = 'integration.kms_usage'`);
  const counted = { status: 0, encrypt: 0, decrypt: 0 };
  const failures: Record<string, number> = {};
  const perMinute = new Map<string, number>();
  for (const { details } of usage) {
    for (const op of ["status", "encrypt", "decrypt"] as const) counted[op] += Number(details[op] ?? 0);
    for (const [name, n] of Object.entries((details.failures ?? {}) as Record<string, number>)) failures[name] = (failures[name] ?? 0) + n;
    const minute = String(details.minute);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  const [other] = await q<{ rejected: string; total: string }>(`
    SELECT count(*) FILTER (WHERE action = 'integration.rejected') AS rejected, count(*) AS total FROM "AuditEvent"`);
  return {
    deliveries: { sent: sent.delivery, events: Number(reads!.swarm), denied: Number(reads!.denied) },
    runtimeReads: { sent: sent.runtime, events: Number(reads!.runtime) },
    kms: {
      sent: { status: sent.status, encrypt: sent.encrypt, decrypt: sent.decrypt },
      counted,
      failures,
      events: usage.length,
      minutes: perMinute.size,
      maxEventsPerMinute: Math.max(0, ...perMinute.values()),
    },
    rejectedTokens: Number(other!.rejected),
    auditEvents: Number(other!.total),
  };
}
