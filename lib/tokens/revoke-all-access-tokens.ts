import type { Tx } from "../db/client";

/**
 * Revokes every live personal token of a user, for the events that should
 * end them (password change or reset, disable). revokedAt, not the user's
 * disabled flag, is what stops them, so enabling the user later does not
 * bring them back. Returns how many were live, for the audit event.
 */
export async function revokeAllAccessTokens(tx: Tx, userId: string): Promise<number> {
  const now = new Date();
  const { count } = await tx.accessToken.updateMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { revokedAt: now },
  });
  return count;
}
