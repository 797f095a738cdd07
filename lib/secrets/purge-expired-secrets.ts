// The purge job: secrets whose recovery window has ended are removed for
// good, each in its own transaction with its audit event.
import { systemActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { db } from "../db/client";

export async function purgeExpiredSecrets(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - config().COFFER_RECOVERY_DAYS * 86_400_000);
  const expired = await db.secret.findMany({
    where: { deletedAt: { lte: cutoff } },
    select: { id: true, name: true, namespace: { select: { name: true } } },
    take: 500,
  });
  for (const secret of expired) {
    await db.$transaction(async (tx) => {
      // Skip if it was restored or purged meanwhile.
      const gone = await tx.secret.deleteMany({ where: { id: secret.id, deletedAt: { lte: cutoff } } });
      if (!gone.count) return;
      await recordAudit(tx, systemActor(), {
        action: "secret.purge",
        resource: { type: "secret", id: secret.id, name: secret.name },
        namespace: secret.namespace.name,
        details: { early: false },
      });
    });
  }
  return expired.length;
}
