// The purge job: secrets whose recovery window has ended are removed for
// good, each with its `secret.purge` audit event, a batch per job step.
// No `server-only`: the job worker runs from instrumentation.ts.
import { systemActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import type { Tx } from "../db/client";
import type { JobHandler } from "../jobs/types";
import { DAY_MS } from "../time";

export const PURGE_JOB_KIND = "secret-purge";
const BATCH = 100;

export async function purgeExpiredSecrets(tx: Tx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - config().COFFER_RECOVERY_DAYS * DAY_MS);
  const expired = await tx.secret.findMany({
    where: { deletedAt: { lte: cutoff } },
    select: { id: true, name: true, namespace: { select: { name: true } } },
    take: BATCH,
  });
  // The whole batch first, then the events: a row lock taken after the
  // audit chain's lock could deadlock with a restore of the same secret,
  // which locks its row and then waits for the chain.
  await tx.secret.deleteMany({ where: { id: { in: expired.map((s) => s.id) } } });
  for (const secret of expired) {
    await recordAudit(tx, systemActor(), {
      action: "secret.purge",
      resource: { type: "secret", id: secret.id, name: secret.name },
      namespace: secret.namespace.name,
      details: { early: false },
    });
  }
  return expired.length;
}

export const purgeJobHandler: JobHandler = {
  async step(tx) {
    const purged = await purgeExpiredSecrets(tx);
    return { done: purged, finished: purged < BATCH };
  },
};
