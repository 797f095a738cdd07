import "server-only";
import type { UserActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
import { NotFound } from "../errors";

/** Revokes one of the actor's own tokens; it stops working at once. */
export async function revokeAccessToken(actor: UserActor, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.accessToken.findFirst({
      where: { id: tokenId, userId: actor.id },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!row) throw new NotFound(`token '${tokenId}' not found`);
    if (row.revokedAt) return;
    await tx.accessToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "token.revoke", resource: { type: "access_token", id: row.id, name: row.name } });
  });
}
