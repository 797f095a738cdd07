import "server-only";
import type { Actor } from "../auth/actor";
import { audited, auditedRead } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { assertMayActOn } from "../team/guards";
import { findMemberOrThrow } from "../team/members";
import { accessTokenSelect, toAccessTokenInfo, type AccessTokenInfo } from "./access-token-dto";

/** Another member's personal tokens (metadata only), for an admin who may act on them. */
export async function listMemberAccessTokens(actor: Actor, userId: string): Promise<AccessTokenInfo[]> {
  return auditedRead(actor, "token.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const user = await findMemberOrThrow(tx, userId);
    await assertMayActOn(tx, actor, user, "list the API tokens of");
    const rows = await tx.accessToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, select: accessTokenSelect });
    return rows.map(toAccessTokenInfo);
  });
}

/** Revokes one of another member's tokens, e.g. one left on a lost laptop; it stops working at once. */
export async function revokeMemberAccessToken(actor: Actor, userId: string, tokenId: string): Promise<void> {
  await audited(actor, "token.revoke", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, userId);
    await assertMayActOn(tx, actor, user, "revoke an API token of");
    const row = await tx.accessToken.findFirst({
      where: { id: tokenId, userId: user.id },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!row) throw new NotFound(`token '${tokenId}' of ${user.email} not found`);
    if (row.revokedAt) return;
    await tx.accessToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "token.revoke",
      // The member is the resource, so the revocation shows in their history.
      resource: { type: "user", id: user.id, name: user.email },
      details: { tokenId: row.id, name: row.name, prefix: row.prefix },
    });
  });
}
