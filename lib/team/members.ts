import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { BadRequest, NotFound } from "../errors";
import { authorize } from "../rbac/authorize";
import { revokeAllAccessTokens } from "../tokens/revoke-all-access-tokens";
import { assertMayActOn, assertNotLastOwner } from "./guards";
import { memberSelect, toMember, type Member } from "./member-dto";

export async function findMemberOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: memberSelect });
  if (!user) throw new NotFound(`member '${userId}' not found`);
  return user;
}

export async function listMembers(actor: Actor): Promise<Member[]> {
  return audited(actor, "member.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const rows = await tx.user.findMany({ select: memberSelect, orderBy: { email: "asc" } });
    return rows.map(toMember);
  });
}

export async function getMember(actor: Actor, userId: string): Promise<Member> {
  return audited(actor, "member.inspect", async (tx) => {
    await authorize(tx, actor, "member:list");
    return toMember(await findMemberOrThrow(tx, userId));
  });
}

/**
 * Disabling ends the member's sessions and revokes their API tokens, so
 * enabling them later gives back their grants but not their old tokens.
 */
export async function setMemberDisabled(actor: Actor, userId: string, disabled: boolean): Promise<Member> {
  if (typeof disabled !== "boolean") throw new BadRequest("disabled must be true or false", { field: "disabled" });
  return audited(actor, disabled ? "member.disable" : "member.enable", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, userId);
    await assertMayActOn(tx, actor, user, disabled ? "disable" : "enable");
    if (disabled) await assertNotLastOwner(tx, user.id, "disable this member");
    await tx.user.update({ where: { id: user.id }, data: { disabled } });
    let tokensRevoked = 0;
    if (disabled) {
      await tx.session.deleteMany({ where: { userId: user.id } });
      tokensRevoked = await revokeAllAccessTokens(tx, user.id);
    }
    await recordAudit(tx, actor, {
      action: disabled ? "member.disable" : "member.enable",
      resource: { type: "user", id: user.id, name: user.email },
      ...(disabled ? { details: { tokensRevoked } } : {}),
    });
    return toMember(await findMemberOrThrow(tx, user.id));
  });
}

export async function removeMember(actor: Actor, userId: string): Promise<void> {
  await audited(actor, "member.remove", async (tx) => {
    await authorize(tx, actor, "member:manage");
    const user = await findMemberOrThrow(tx, userId);
    await assertMayActOn(tx, actor, user, "remove");
    await assertNotLastOwner(tx, user.id, "remove this member");
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, actor, { action: "member.remove", resource: { type: "user", id: user.id, name: user.email } });
  });
}
