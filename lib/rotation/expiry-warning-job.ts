// The daily expiry warning: one `secret.expiring` audit event per live
// secret whose expiresAt is at most 7 days away (or past), each day until
// someone replaces it or moves the date. Queued once a day by
// lib/jobs/recurring-jobs.ts, only while such a secret exists.
// No `server-only`: the job worker runs from instrumentation.ts.
import { systemActor } from "../auth/actor";
import { recordAudits } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import type { JobHandler } from "../jobs/types";
import { DAY_MS } from "../time";
import { EXPIRY_WARNING_DAYS, expiryWarning } from "./expiry";

export const EXPIRY_WARNING_JOB_KIND = "secret-expiry-warning";

const horizon = (now: Date) => new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS);

export async function expiringSecretsDue(now: Date): Promise<boolean> {
  return !!(await db.secret.findFirst({ where: { deletedAt: null, expiresAt: { lte: horizon(now) } }, select: { id: true } }));
}

/** Records the day's warnings; answers how many. */
export async function warnExpiringSecrets(tx: Tx, now = new Date()): Promise<number> {
  const expiring = await tx.secret.findMany({
    where: { deletedAt: null, expiresAt: { lte: horizon(now) } },
    orderBy: { expiresAt: "asc" },
    select: { id: true, name: true, expiresAt: true, namespace: { select: { name: true } } },
  });
  await recordAudits(
    tx,
    systemActor(),
    expiring.map((secret) => ({
      action: "secret.expiring" as const,
      resource: { type: "secret", id: secret.id, name: secret.name },
      namespace: secret.namespace.name,
      details: { expiresAt: secret.expiresAt!.toISOString(), daysLeft: expiryWarning(secret.expiresAt, now) },
    })),
  );
  return expiring.length;
}

export const expiryWarningJobHandler: JobHandler = {
  async step(tx) {
    return { done: await warnExpiringSecrets(tx), finished: true };
  },
};
