// The audit trail after the run, against what the load generator sent:
// every Vault read by the service is one `secret.read` event with
// `api: "vault"` in its details, every runtime read one without it, every
// LIST one `secret.list` event, every write one `secret.rotate` (after the
// first, a `secret.create`). A shortfall is a read the trail lost.
import { adminQuery } from "../support/instance";

type Sent = { runtime: number; vaultRead: number; vaultList: number; vaultWrite: number };

export type Reconciliation = {
  vaultReads: { sent: number; events: number };
  runtimeReads: { sent: number; events: number };
  vaultLists: { sent: number; events: number };
  vaultWrites: { sent: number; events: number };
  denied: number;
  auditEvents: number;
};

export async function reconcile(url: string, sent: Sent): Promise<Reconciliation> {
  const [row] = await adminQuery<Record<string, string>>(
    `SELECT count(*) FILTER (WHERE action = 'secret.read' AND outcome = 'success' AND details->>'api' = 'vault') AS vault,
            count(*) FILTER (WHERE action = 'secret.read' AND outcome = 'success' AND details->>'api' IS NULL) AS runtime,
            count(*) FILTER (WHERE action = 'secret.list' AND details->>'api' = 'vault') AS lists,
            count(*) FILTER (WHERE action IN ('secret.rotate', 'secret.create') AND "resourceName" = 'bench-vault-written') AS writes,
            count(*) FILTER (WHERE outcome <> 'success') AS denied,
            count(*) AS total
       FROM "AuditEvent"`,
    [],
    url,
  );
  return {
    vaultReads: { sent: sent.vaultRead, events: Number(row!.vault) },
    runtimeReads: { sent: sent.runtime, events: Number(row!.runtime) },
    vaultLists: { sent: sent.vaultList, events: Number(row!.lists) },
    vaultWrites: { sent: sent.vaultWrite, events: Number(row!.writes) },
    denied: Number(row!.denied),
    auditEvents: Number(row!.total),
  };
}
