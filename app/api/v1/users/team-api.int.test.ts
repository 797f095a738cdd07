import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import { actorForSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import * as namespaceRoute from "../namespaces/[ns]/route";
import * as namespacesRoute from "../namespaces/route";
import * as secretsRoute from "../namespaces/[ns]/secrets/route";
import * as acceptRoute from "../invites/accept/route";
import * as inviteRoute from "../invites/[id]/route";
import * as invitesRoute from "../invites/route";
import * as resetRoute from "../password-reset/route";
import * as grantRoute from "../role-bindings/[id]/route";
import * as grantsRoute from "../role-bindings/route";
import * as roleRoute from "../roles/[name]/route";
import * as rolesRoute from "../roles/route";
import * as userResetRoute from "./[id]/password-reset/route";
import * as userRoute from "./[id]/route";
import * as usersRoute from "./route";

let owner: { id: string; token: string };
let admin: { id: string; token: string };

beforeAll(async () => {
  const o = await createUser("owner@example.com", [{ role: "owner" }]);
  owner = { id: o.user.id, token: await personalToken(o.user.id) };
  const a = await createUser("admin@example.com", [{ role: "admin" }]);
  admin = { id: a.user.id, token: await personalToken(a.user.id) };
});

const counts = async () => ({
  users: await db.user.count(),
  invites: await db.invite.count(),
  grants: await db.roleBinding.count(),
  roles: await db.role.count(),
});

describe("team and RBAC", () => {
  it("invites a member who accepts once, with the invite's role and namespace", async () => {
    await call(namespacesRoute.POST, { token: owner.token, body: { name: "staging" } });
    const invite = await call(invitesRoute.POST, {
      token: admin.token,
      body: { email: "Vic@Example.com", role: "editor", namespace: "staging" },
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: "vic@example.com", role: "editor", namespace: "staging", state: "pending" });
    expect(invite.body.token).toMatch(/^cfi_/);
    expect(await db.invite.count({ where: { tokenHash: invite.body.token } })).toBe(0);

    const accepted = await call(acceptRoute.POST, { body: { token: invite.body.token, name: "Vic", password: "correct horse battery" } });
    expect(accepted.status).toBe(201);
    const vic = await db.user.findUniqueOrThrow({
      where: { email: "vic@example.com" },
      include: { roleBindings: { include: { role: true, namespace: true } } },
    });
    expect(vic.roleBindings.map((b) => [b.role.name, b.namespace?.name])).toEqual([["editor", "staging"]]);

    const before = await counts();
    const again = await call(acceptRoute.POST, { body: { token: invite.body.token, name: "Vic2", password: "correct horse battery" } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("this invite has already been used");
    const expired = await call(invitesRoute.POST, { token: admin.token, body: { email: "late@example.com", role: "viewer" } });
    await db.invite.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await call(acceptRoute.POST, { body: { token: expired.body.token, name: "Late", password: "correct horse battery" } });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain("expired");
    expect((await counts()).users).toBe(before.users);
    expect(await db.auditEvent.count({ where: { action: "invite.accept", outcome: "denied" } })).toBe(2);
  });

  it.each([
    [{ email: "not-an-email", role: "viewer" }, 400, "email must be a valid email address"],
    [{ email: "owner@example.com", role: "viewer" }, 409, "owner@example.com is already a member"],
    [{ email: "x@example.com", role: "nope" }, 400, "role: no role 'nope'"],
    [{ email: "x@example.com", role: "viewer", namespace: "nowhere" }, 400, "namespace: no namespace 'nowhere'"],
  ])("refuses the invite %j and writes nothing", async (body, status, message) => {
    const before = await counts();
    const response = await call(invitesRoute.POST, { token: admin.token, body });
    expect(response.status).toBe(status);
    expect(response.body.error.message).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it("lets nobody grant what they do not hold", async () => {
    const grant = await call(invitesRoute.POST, { token: admin.token, body: { email: "boss@example.com", role: "owner" } });
    expect(grant.status).toBe(403);
    expect(grant.body.error.message).toContain("you do not hold it yourself");
    const role = await call(rolesRoute.POST, { token: admin.token, body: { name: "revealer", permissions: ["secret:reveal"] } });
    expect(role.status).toBe(403);
  });

  it("keeps the last owner: no removal, no disabling, no demotion", async () => {
    const ownerGrant = await db.roleBinding.findFirstOrThrow({ where: { userId: owner.id, roleId: "role_owner" } });
    for (const response of [
      await call(userRoute.DELETE, { token: owner.token, params: { id: owner.id }, method: "DELETE" }),
      await call(userRoute.PATCH, { token: owner.token, params: { id: owner.id }, method: "PATCH", body: { disabled: true } }),
      await call(grantRoute.DELETE, { token: owner.token, params: { id: ownerGrant.id }, method: "DELETE" }),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(/this is the last owner/);
    }
    // With a second owner, the first may step down.
    const second = await createUser("owner2@example.com", [{ role: "owner" }]);
    expect((await call(grantRoute.DELETE, { token: owner.token, params: { id: ownerGrant.id }, method: "DELETE" })).status).toBe(204);
    await db.roleBinding.create({ data: { id: "rb_restore_owner", userId: owner.id, roleId: "role_owner" } });
    await db.user.delete({ where: { id: second.user.id } });
  });

  it("ends a disabled member's sessions and tokens at once", async () => {
    const { user } = await createUser("dana@example.com", [{ role: "editor" }]);
    const token = await personalToken(user.id);
    const session = await signIn({ email: "dana@example.com", password: "correct horse battery" }, { ...testContext, ip: "198.51.100.90" });
    expect((await call(secretsRoute.GET, { token, params: { ns: "default" } })).status).toBe(200);

    expect(
      (await call(userRoute.PATCH, { token: admin.token, params: { id: user.id }, method: "PATCH", body: { disabled: true } })).body.status,
    ).toBe("disabled");
    expect(await actorForSession(session.sessionId, testContext)).toBeNull();
    expect((await call(secretsRoute.GET, { token, params: { ns: "default" } })).status).toBe(401);

    // Regression (tokens came back with the user): enabling gives back the grants, not the tokens disabling revoked.
    await call(userRoute.PATCH, { token: admin.token, params: { id: user.id }, method: "PATCH", body: { disabled: false } });
    expect((await call(secretsRoute.GET, { token, params: { ns: "default" } })).status).toBe(401);
    // A token loses what its user loses.
    const fresh = await personalToken(user.id);
    expect((await call(secretsRoute.GET, { token: fresh, params: { ns: "default" } })).status).toBe(200);
    const grant = await db.roleBinding.findFirstOrThrow({ where: { userId: user.id } });
    await call(grantRoute.DELETE, { token: admin.token, params: { id: grant.id }, method: "DELETE" });
    expect((await call(secretsRoute.GET, { token: fresh, params: { ns: "default" } })).status).toBe(403);
  });

  it("manages custom roles: unknown permissions refused, built-ins fixed, roles in use kept", async () => {
    const bad = await call(rolesRoute.POST, { token: owner.token, body: { name: "weird", permissions: ["secret:fly"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("permissions: unknown permission 'secret:fly'");
    const created = await call(rolesRoute.POST, {
      token: owner.token,
      body: { name: "reader", permissions: ["secret:list", "secret:inspect"] },
    });
    expect(created.status).toBe(201);
    expect(
      (await call(roleRoute.PATCH, { token: owner.token, params: { name: "viewer" }, method: "PATCH", body: { description: "x" } })).status,
    ).toBe(409);

    const { user } = await createUser("rita@example.com");
    const granted = await call(grantsRoute.POST, { token: owner.token, body: { userId: user.id, role: "reader", namespace: "default" } });
    expect(granted.status).toBe(201);
    const inUse = await call(roleRoute.DELETE, { token: owner.token, params: { name: "reader" }, method: "DELETE" });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe("role 'reader' is in use by: rita@example.com");

    // A pending invite holds the role too, until it is revoked.
    const invited = await call(invitesRoute.POST, {
      token: owner.token,
      body: { email: "sam@example.com", role: "reader", namespace: "default" },
    });
    await call(grantRoute.DELETE, { token: owner.token, params: { id: granted.body.id }, method: "DELETE" });
    const pending = await call(roleRoute.DELETE, { token: owner.token, params: { name: "reader" }, method: "DELETE" });
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toBe("role 'reader' is in use by: sam@example.com (invited)");
    expect((await call(inviteRoute.DELETE, { token: owner.token, params: { id: invited.body.id }, method: "DELETE" })).status).toBe(204);
    expect((await call(roleRoute.DELETE, { token: owner.token, params: { name: "reader" }, method: "DELETE" })).status).toBe(204);
    await call(rolesRoute.POST, { token: owner.token, body: { name: "reader", permissions: ["secret:list", "secret:inspect"] } });
    const regranted = await call(grantsRoute.POST, { token: owner.token, body: { userId: user.id, role: "reader", namespace: "default" } });
    const unknownNs = await call(grantsRoute.POST, { token: owner.token, body: { userId: user.id, role: "reader", namespace: "nowhere" } });
    expect(unknownNs.status).toBe(400);
    expect(
      (await call(usersRoute.GET, { token: admin.token })).body.users.find((u: { email: string }) => u.email === "rita@example.com").grants,
    ).toEqual([{ id: regranted.body.id, role: "reader", namespace: "default" }]);
  });

  it("resets a password with an admin-issued one-time link", async () => {
    const { user } = await createUser("pat@example.com");
    const issued = await call(userResetRoute.POST, { token: admin.token, params: { id: user.id } });
    expect(issued.status).toBe(201);
    expect((await call(resetRoute.POST, { body: { token: issued.body.token, password: "a brand new password" } })).status).toBe(204);
    expect((await call(resetRoute.POST, { body: { token: issued.body.token, password: "another new password" } })).status).toBe(404);
    await expect(
      signIn({ email: "pat@example.com", password: "a brand new password" }, { ...testContext, ip: "198.51.100.91" }),
    ).resolves.toMatchObject({ email: "pat@example.com" });
  });

  it("deletes a namespace only when it is empty, saying what is left", async () => {
    await call(namespacesRoute.POST, { token: owner.token, body: { name: "scratch" } });
    await call(secretsRoute.POST, { token: owner.token, params: { ns: "scratch" }, body: { name: "leftover", stringData: { v: "x" } } });
    const full = await call(namespaceRoute.DELETE, { token: owner.token, params: { ns: "scratch" }, method: "DELETE" });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain("still holds 1 secret");
    expect((await call(namespaceRoute.DELETE, { token: owner.token, params: { ns: "default" }, method: "DELETE" })).status).toBe(409);
    await call(namespacesRoute.POST, { token: owner.token, body: { name: "empty" } });
    expect((await call(namespaceRoute.DELETE, { token: owner.token, params: { ns: "empty" }, method: "DELETE" })).status).toBe(204);
  });
});
