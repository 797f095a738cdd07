// An owner resets a member's lost second factor (issue 16): every factor
// goes with the member's sessions, under the acting-on-members rule, and
// the member then owes enrollment again if a role of theirs requires it.
import { beforeEach, describe, expect, it } from "vitest";
import * as resetRoute from "@/app/api/v1/users/[id]/mfa/route";
import { actorForSession, openSessionRow } from "@/lib/auth/session";
import { owedEnrollment } from "@/lib/auth/mfa/second-factor-policy";
import { RESET_SELF } from "@/lib/auth/mfa/reset-second-factor";
import { sealTotpSecret } from "@/lib/auth/mfa/totp-secret";
import { replaceRecoveryCodes } from "@/lib/auth/mfa/recovery-codes";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";

/** A member with a confirmed TOTP, recovery codes, a passkey, a signed-in session and an API token. */
async function fullyEnrolled(email: string, grants: { role: string; namespace?: string }[]) {
  const { user } = await createUser(email, grants);
  const sealed = await sealTotpSecret(user.id, Buffer.from("reset-test-secret-20b"));
  await db.mfaTotp.create({ data: { userId: user.id, ...sealed, confirmedAt: new Date() } });
  await db.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
  await db.passkey.create({
    data: { id: `cred-${user.id}`, userId: user.id, publicKey: new Uint8Array([4, 5, 6]), transports: [], name: "phone" },
  });
  const sessionId = await db.$transaction((tx) => openSessionRow(tx, user.id, testContext));
  const token = await personalToken(user.id);
  return { user, sessionId, token };
}

// One database per file: no role requires a second factor unless a story says so.
beforeEach(async () => {
  await db.role.updateMany({ data: { requireSecondFactor: false } });
});

const reset = (token: string, id: string) => call(resetRoute.DELETE, { token, params: { id }, method: "DELETE" });

describe("resetting a member's second factor", () => {
  it("removes TOTP, recovery codes and passkeys, ends their sessions, keeps their tokens, and is audited", async () => {
    const { user: owner } = await createUser("reset-owner@example.com", [{ role: "owner" }]);
    const { user, sessionId } = await fullyEnrolled("lost-phone@example.com", [{ role: "editor" }]);
    await db.role.update({ where: { name: "editor" }, data: { requireSecondFactor: true } });
    expect(await owedEnrollment(user.id)).toBeNull();

    const result = await reset(await personalToken(owner.id), user.id);
    expect(result.status).toBe(204);
    expect(await db.mfaTotp.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await actorForSession(sessionId, testContext)).toBeNull();
    expect(await db.accessToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    // Next sign-in: password alone, then straight to enrollment.
    expect(await owedEnrollment(user.id)).toEqual({ role: "editor" });

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "mfa.remove", resourceId: user.id } });
    expect(event).toMatchObject({ outcome: "success", actorLabel: "reset-owner@example.com" });
    expect(event.details).toEqual({ kind: "all", by: "reset-owner@example.com", totp: true, passkeys: 1, sessionsEnded: 1 });

    // Nothing left: a second reset says so.
    const again = await reset(await personalToken(owner.id), user.id);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe("lost-phone@example.com has no second factor to reset");
  });

  it("is refused on an owner to an admin, on oneself, and without member:manage; each leaves everything and a denied event", async () => {
    const { user: admin } = await createUser("reset-admin@example.com", [{ role: "admin" }]);
    const { user: editor } = await createUser("reset-editor@example.com", [{ role: "editor" }]);
    const owner = await fullyEnrolled("reset-target-owner@example.com", [{ role: "owner" }]);
    const peer = await fullyEnrolled("reset-peer@example.com", [{ role: "viewer" }]);

    const onOwner = await reset(await personalToken(admin.id), owner.user.id);
    expect(onOwner.status).toBe(403);
    expect(onOwner.body.error.message).toBe(
      "you cannot reset the second factor of reset-target-owner@example.com: only owners act on owners",
    );
    const self = await reset(owner.token, owner.user.id);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe(RESET_SELF);
    const noPermission = await reset(await personalToken(editor.id), peer.user.id);
    expect(noPermission.status).toBe(403);

    for (const { user, sessionId } of [owner, peer]) {
      expect(await db.mfaTotp.count({ where: { userId: user.id } })).toBe(1);
      expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
      expect(await actorForSession(sessionId, testContext)).not.toBeNull();
    }
    const denied = await db.auditEvent.findMany({ where: { action: "mfa.remove", outcome: "denied" }, select: { actorLabel: true } });
    expect(denied.map((e) => e.actorLabel).sort()).toEqual([
      "reset-admin@example.com",
      "reset-editor@example.com",
      "reset-target-owner@example.com",
    ]);

    // An admin may reset a member who holds less than they do.
    expect((await reset(await personalToken(admin.id), peer.user.id)).status).toBe(204);
    expect((await reset(await personalToken(admin.id), "usr_nobody")).status).toBe(404);
  });
});
