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
import { totpEnvelopeId } from "../auth/mfa/totp-secret";
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
  if (rows.length === REWRAP_BATCH) return { done: rows.length, finished: false };
  const totp = await rewrapTotpBatch(tx, REWRAP_BATCH - rows.length);
  return { done: rows.length + totp, finished: rows.length + totp < REWRAP_BATCH };
}

/** Members' TOTP secrets share the envelope (lib/auth/mfa/totp-secret.ts), so they move with the secret versions. */
async function rewrapTotpBatch(tx: Tx, take: number): Promise<number> {
  const { keyring } = processKeyring();
  const rows = await tx.mfaTotp.findMany({
    where: { kekName: { not: keyring.primary } },
    select: { userId: true, wrappedDek: true, kekName: true },
    orderBy: { userId: "asc" },
    take,
  });
  for (const row of rows) {
    const next = await rewrapDek(keyring, { secretId: totpEnvelopeId(row.userId), wrappedDek: row.wrappedDek, kekName: row.kekName });
    await tx.mfaTotp.update({
      where: { userId: row.userId },
      data: { wrappedDek: new Uint8Array(next.wrappedDek), kekName: next.kekName },
    });
  }
  return rows.length;
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
