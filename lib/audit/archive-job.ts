// Retention (COFFER_AUDIT_RETENTION_DAYS): the oldest sealed events are
// written to a JSONL file (the export's lines, leaves included), then
// deleted through the one path the append-only trigger allows (a
// transaction-local setting only this job sets). Their leaves stay in the
// tree, so every checkpoint still verifies; an `audit.archived` event
// records how far the archive reaches, and verification takes the stored
// leaf hashes of those events instead of recomputing them.
// No `server-only`: the job worker runs from instrumentation.ts.
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { systemActor } from "../auth/actor";
import { config } from "../config/env";
import type { Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { JobHandler, StepResult } from "../jobs/types";
import { DAY_MS } from "../time";
import { exportAuditRows, jsonlLine } from "./audit-rows";
import { recordAudit } from "./record-audit";

export const ARCHIVE_JOB_KIND = "audit-archive";
const BATCH = 5_000;

export function archiveDir(): string {
  return join(dirname(config().dataDir), "audit-archive");
}

/** Archives one batch of sealed events older than the retention window; returns how many. */
export async function archiveBatch(tx: Tx, options: { now?: Date; days?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const days = options.days ?? config().COFFER_AUDIT_RETENTION_DAYS;
  if (!days) return 0;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  // An unsealed event has no leaf yet: deleting it would lose it from the tree for good.
  const [sequencer] = await tx.$queryRaw<{ sealedThroughSeq: bigint }[]>`SELECT "sealedThroughSeq" FROM "AuditSequencer" WHERE "id" = 1`;
  const sealed = sequencer?.sealedThroughSeq ?? 0n;
  const oldest = await exportAuditRows(tx, Prisma.sql`"AuditEvent"."seq" <= ${sealed}`, -1n, BATCH);
  // Only a prefix can go (verification counts events up to one seq as archived): stop at the first inside the window.
  const keep = oldest.findIndex((row) => Date.parse(row.time) >= cutoff.getTime());
  const rows = keep === -1 ? oldest : oldest.slice(0, keep);
  if (!rows.length) return 0;
  const last = rows.at(-1)!;
  const file = join(archiveDir(), `audit-${rows[0]!.seq}-${last.seq}.jsonl`);
  mkdirSync(archiveDir(), { recursive: true, mode: 0o700 });
  appendFileSync(file, rows.map(jsonlLine).join(""), { mode: 0o600 });
  await tx.$executeRaw`SELECT set_config('coffer.audit_archive', 'on', true)`;
  await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" <= ${BigInt(last.seq)}`;
  await tx.$executeRaw`SELECT set_config('coffer.audit_archive', 'off', true)`;
  await recordAudit(tx, systemActor(), {
    action: "audit.archived",
    details: {
      throughSeq: last.seq,
      throughLeaf: last.leafIndex === null ? null : Number(last.leafIndex),
      count: rows.length,
      file,
      cutoff: cutoff.toISOString(),
    },
  });
  return rows.length;
}

export const archiveJobHandler: JobHandler = {
  async step(tx): Promise<StepResult> {
    const archived = await archiveBatch(tx);
    return { done: archived, finished: archived === 0 };
  },
};
