import "server-only";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { NotFound } from "../../errors";
import type { UserActor } from "../actor";
import { assertMayManageOwnSecondFactor, assertMaySpendLastSecondFactor } from "./second-factor-policy";

export const NO_SUCH_PASSKEY = "you have no passkey with that id";

/**
 * DELETE /api/v1/me/mfa/passkeys/{id}: one of the caller's passkeys stops
 * signing in. Removing the last second factor is allowed, as for TOTP,
 * unless a role of the caller's requires one (second-factor-policy.ts).
 */
export async function removePasskey(actor: UserActor, id: string): Promise<void> {
  assertMayManageOwnSecondFactor(actor);
  await db.$transaction(async (tx) => {
    // Another user's passkey is "not found" too: its id tells the caller nothing.
    const row = await tx.passkey.findFirst({ where: { id, userId: actor.id }, select: { id: true, name: true } });
    if (!row) throw new NotFound(NO_SUCH_PASSKEY);
    // Hook for the per-role requirement (h4): refuses removing the last factor a role requires.
    await assertMaySpendLastSecondFactor(tx, actor.id, { passkeyId: row.id });
    await tx.passkey.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: "mfa.remove",
      resource: { type: "user", id: actor.id, name: actor.label },
      details: { kind: "passkey", passkey: row.name },
    });
  });
}
