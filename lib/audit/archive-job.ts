// Retention without breaking the chain (COFFER_AUDIT_RETENTION_DAYS): the
// oldest events are written to a JSONL file, then deleted through the one
// path the append-only trigger allows (a transaction-local setting only
// this job sets), and an `audit.archived` event records the last archived
// sequence id and hash, so verification continues from the new chain start.
// No `server-only`: the job worker runs from instrumentation.ts.
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { systemActor } from "../auth/actor";
import { config } from "../config/env";
import type { Tx } from "../db/client";
import type { JobHandler, StepResult } from "../jobs/types";
import { toAuditEventDto } from "./audit-event-dto";
import { recordAudit } from "./record-audit";

export const ARCHIVE_JOB_KIND = "audit-archive";
const BATCH = 5_000;

export function archiveDir(): string {
  return join(dirname(config().dataDir), "audit-archive");
}

/** Archives one batch of events older than the retention window; returns how many. */
export async function archiveBatch(tx: Tx, options: { now?: Date; days?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const days = options.days ?? config().COFFER_AUDIT_RETENTION_DAYS;
  if (!days) return 0;
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  // The newest event is never archived: the chain needs a tail to link to.
  const newest = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const oldest = await tx.auditEvent.findMany({ where: { seq: { lt: newest?.seq ?? 0n } }, orderBy: { seq: "asc" }, take: BATCH });
  // Only a prefix of the chain can go: stop at the first event inside the window.
  const keep = oldest.findIndex((row) => row.time >= cutoff);
  const rows = keep === -1 ? oldest : oldest.slice(0, keep);
  if (!rows.length) return 0;
  const last = rows.at(-1)!;
  const file = join(archiveDir(), `audit-${rows[0]!.seq}-${last.seq}.jsonl`);
  mkdirSync(archiveDir(), { recursive: true, mode: 0o700 });
  appendFileSync(file, rows.map((row) => `${JSON.stringify(toAuditEventDto(row))}\n`).join(""), { mode: 0o600 });
  await tx.$executeRaw`SELECT set_config('coffer.audit_archive', 'on', true)`;
  await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" <= ${last.seq}`;
  await tx.$executeRaw`SELECT set_config('coffer.audit_archive', 'off', true)`;
  await recordAudit(tx, systemActor(), {
    action: "audit.archived",
    details: { throughSeq: last.seq.toString(), lastHash: last.hash, count: rows.length, file, cutoff: cutoff.toISOString() },
  });
  return rows.length;
}

export const archiveJobHandler: JobHandler = {
  async step(tx): Promise<StepResult> {
    const archived = await archiveBatch(tx);
    return { done: archived, finished: archived === 0 };
  },
};
