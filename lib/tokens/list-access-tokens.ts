import "server-only";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { accessTokenSelect, toAccessTokenInfo, type AccessTokenInfo } from "./access-token-dto";

/** The actor's own tokens, newest first, revoked ones included (greyed out in the console). */
export async function listAccessTokens(actor: UserActor): Promise<AccessTokenInfo[]> {
  const rows = await db.accessToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, select: accessTokenSelect });
  return rows.map(toAccessTokenInfo);
}
