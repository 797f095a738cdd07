// Turns a personal API token into the acting user. A token stops working
// when it is revoked or expires, and whenever its user is disabled or gone.
import { userActor, type RequestContext, type UserActor } from "../auth/actor";
import { db } from "../db/client";
import { Unauthorized } from "../http/errors";
import { hashToken } from "./token-secret";

// lastUsedAt is written at most this often per token, so a busy CLI does
// not turn every read into a write.
const LAST_USED_PRECISION_MS = 60_000;

export async function resolveAccessToken(token: string, context: RequestContext): Promise<UserActor> {
  if (!token.startsWith("cfp_")) throw new Unauthorized("a personal API token (cfp_…) is required");
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, disabled: true } },
    },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabled) {
    throw new Unauthorized("the API token is invalid, expired or revoked");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ...userActor(row.user, context), token: { id: row.id, scopes: row.scopes } };
}
