// The worker side of the re-wrap job. Each step takes the next batch of
// versions not yet under the primary key, so a resumed or repeated job
// simply continues with whatever is left. Only the 60-byte wrapped data key
// and the key name of a row change; ciphertext and nonce stay as they are.
// No `server-only` here: the job worker runs from instrumentation.ts.
import { recordAudit } from "../audit/record-audit";
import { systemActor } from "../auth/actor";
import { rewrapDek } from "../crypto";
import type { Tx } from "../db/client";
import type { JobHandler, RunningJob, StepResult } from "../jobs/types";
import { processKeyring } from "./process-keyring";
import { REWRAP_BATCH } from "./rewrap-job";

async function rewrapBatch(tx: Tx): Promise<StepResult> {
  const { keyring } = processKeyring();
  const rows = await tx.secretVersion.findMany({
    where: { kekName: { not: keyring.primary } },
    select: { id: true, secretId: true, wrappedDek: true, kekName: true },
    orderBy: { id: "asc" },
    take: REWRAP_BATCH,
  });
  for (const row of rows) {
    const next = await rewrapDek(keyring, row);
    await tx.secretVersion.update({
      where: { id: row.id },
      // Prisma wants Uint8Array<ArrayBuffer>; a Buffer may sit on a shared pool.
      data: { wrappedDek: new Uint8Array(next.wrappedDek), kekName: next.kekName },
    });
  }
  return { done: rows.length, finished: rows.length < REWRAP_BATCH };
}

const jobRef = (job: RunningJob) => ({ type: "job", id: job.id });

export const rewrapJobHandler: JobHandler = {
  step: rewrapBatch,
  async onDone(tx, job) {
    await recordAudit(tx, systemActor(), {
      action: "key.rewrap_done",
      resource: jobRef(job),
      details: { rewrapped: job.progress, primary: processKeyring().keyring.primary },
    });
  },
  async onFailed(tx, job, message) {
    await recordAudit(tx, systemActor(), {
      action: "key.rewrap_failed",
      outcome: "error",
      resource: jobRef(job),
      details: { rewrapped: job.progress, error: message },
    });
  },
};
