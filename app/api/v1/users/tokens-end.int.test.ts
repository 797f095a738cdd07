// Regression: personal API tokens survived a password change and an
// admin reset, and a disabled user's tokens came back when the user was
// enabled again. They end with those events, and an admin can list and
// revoke another member's tokens (audited).
import { describe, expect, it } from "vitest";
import { actorForSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/team/passwords";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import * as namespacesRoute from "../namespaces/route";
import * as resetRoute from "../password-reset/route";
import * as userResetRoute from "./[id]/password-reset/route";
import * as userRoute from "./[id]/route";
import * as tokenRoute from "./[id]/tokens/[tokenId]/route";
import * as tokensRoute from "./[id]/tokens/route";

const PASSWORD = "correct horse battery";
let ip = 10;
const session = async (email: string) => signIn({ email, password: PASSWORD }, { ...testContext, ip: `198.51.100.${ip++}` });
const works = async (token: string) => (await call(namespacesRoute.GET, { token })).status;
const lastEvent = (action: string) => db.auditEvent.findFirstOrThrow({ where: { action, outcome: "success" }, orderBy: { seq: "desc" } });

async function adminToken() {
  const { user } = await createUser(`admin-${ip++}@example.com`, [{ role: "admin" }]);
  return personalToken(user.id);
}

describe("tokens end with the events that should end them", () => {
  it("revokes every token on an own password change; this session stays, the others end", async () => {
    const { user } = await createUser("changer@example.com", [{ role: "viewer" }]);
    const tokens = [await personalToken(user.id), await personalToken(user.id)];
    // An already expired token is not counted as revoked.
    const expired = await personalToken(user.id);
    await db.accessToken.updateMany({ where: { prefix: expired.slice(0, 10) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const here = await session("changer@example.com");
    const elsewhere = await session("changer@example.com");
    const actor = (await actorForSession(here.sessionId, testContext))!;
    for (const token of tokens) expect(await works(token)).toBe(200);

    await changeOwnPassword(actor, { currentPassword: PASSWORD, password: "a changed password" });
    for (const token of [...tokens, expired]) expect(await works(token)).toBe(401);
    expect(await db.accessToken.count({ where: { userId: user.id, revokedAt: null, expiresAt: null } })).toBe(0);
    expect(await actorForSession(here.sessionId, testContext)).not.toBeNull();
    expect(await actorForSession(elsewhere.sessionId, testContext)).toBeNull();
    expect((await lastEvent("member.password_change")).details).toEqual({ tokensRevoked: 2 });
  });

  it("revokes every token and ends every session when a reset link is used", async () => {
    const { user } = await createUser("forgetful@example.com", [{ role: "viewer" }]);
    const token = await personalToken(user.id);
    const browser = await session("forgetful@example.com");
    const issued = await call(userResetRoute.POST, { token: await adminToken(), params: { id: user.id } });
    // Issuing the link alone changes nothing: the member may never use it.
    expect(await works(token)).toBe(200);
    expect((await call(resetRoute.POST, { body: { token: issued.body.token, password: "a reset password" } })).status).toBe(204);
    expect(await works(token)).toBe(401);
    expect(await actorForSession(browser.sessionId, testContext)).toBeNull();
    expect((await lastEvent("member.password_reset")).details).toEqual({ tokensRevoked: 1 });
  });

  it("revokes every token on disable, and enabling does not bring them back", async () => {
    const { user } = await createUser("leaver@example.com", [{ role: "viewer" }]);
    const token = await personalToken(user.id);
    const admin = await adminToken();
    expect((await call(userRoute.PATCH, { token: admin, params: { id: user.id }, method: "PATCH", body: { disabled: true } })).status).toBe(
      200,
    );
    expect((await lastEvent("member.disable")).details).toEqual({ tokensRevoked: 1 });
    expect((await db.accessToken.findFirstOrThrow({ where: { userId: user.id } })).revokedAt).not.toBeNull();
    expect(
      (await call(userRoute.PATCH, { token: admin, params: { id: user.id }, method: "PATCH", body: { disabled: false } })).status,
    ).toBe(200);
    expect(await works(token)).toBe(401);
  });
});

describe("an admin lists and revokes another member's tokens", () => {
  it("lists metadata only, revokes one with an audited event naming the member, leaves the others", async () => {
    const { user } = await createUser("laptop-lost@example.com", [{ role: "editor" }]);
    const lost = await personalToken(user.id);
    const kept = await personalToken(user.id);
    const admin = await adminToken();

    const listed = await call(tokensRoute.GET, { token: admin, params: { id: user.id } });
    expect(listed.status).toBe(200);
    expect(listed.body.tokens).toHaveLength(2);
    expect(Object.keys(listed.body.tokens[0]).sort()).toEqual([
      "createdAt",
      "expiresAt",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "scopes",
    ]);
    expect(listed.text).not.toContain(lost.slice(10));
    expect(listed.headers.get("cache-control")).toBe("no-store");

    const row = await db.accessToken.findFirstOrThrow({ where: { userId: user.id, prefix: lost.slice(0, 10) } });
    const revoked = await call(tokenRoute.DELETE, { token: admin, params: { id: user.id, tokenId: row.id }, method: "DELETE" });
    expect(revoked.status).toBe(204);
    expect(await works(lost)).toBe(401);
    expect(await works(kept)).toBe(200);
    const event = await lastEvent("token.revoke");
    expect(event).toMatchObject({ resourceType: "user", resourceId: user.id, resourceName: "laptop-lost@example.com" });
    expect(event.details).toEqual({ tokenId: row.id, name: "test", prefix: row.prefix });
    // Again: nothing left to revoke, no second event.
    expect((await call(tokenRoute.DELETE, { token: admin, params: { id: user.id, tokenId: row.id }, method: "DELETE" })).status).toBe(204);
    expect(await db.auditEvent.count({ where: { action: "token.revoke", resourceId: user.id } })).toBe(1);
  });

  it("answers 404 for a token that is not the member's, 404 for an unknown member", async () => {
    const { user: a } = await createUser("alpha@example.com", [{ role: "viewer" }]);
    const { user: b } = await createUser("beta@example.com", [{ role: "viewer" }]);
    await personalToken(b.id);
    const bToken = await db.accessToken.findFirstOrThrow({ where: { userId: b.id } });
    const admin = await adminToken();
    const wrong = await call(tokenRoute.DELETE, { token: admin, params: { id: a.id, tokenId: bToken.id }, method: "DELETE" });
    expect(wrong.status).toBe(404);
    expect((await db.accessToken.findUniqueOrThrow({ where: { id: bToken.id } })).revokedAt).toBeNull();
    expect((await call(tokensRoute.GET, { token: admin, params: { id: "usr_nobody" } })).status).toBe(404);
  });

  it("needs member:list to list and member:manage to revoke; refusals are audited", async () => {
    const { user } = await createUser("target@example.com", [{ role: "viewer" }]);
    await personalToken(user.id);
    const row = await db.accessToken.findFirstOrThrow({ where: { userId: user.id } });
    const viewer = await personalToken((await createUser("peer@example.com", [{ role: "viewer" }])).user.id);
    const auditor = await personalToken((await createUser("auditor@example.com", [{ role: "auditor" }])).user.id);
    expect((await call(tokensRoute.GET, { token: viewer, params: { id: user.id } })).status).toBe(403);
    expect((await call(tokensRoute.GET, { token: auditor, params: { id: user.id } })).status).toBe(200);
    expect((await call(tokenRoute.DELETE, { token: auditor, params: { id: user.id, tokenId: row.id }, method: "DELETE" })).status).toBe(
      403,
    );
    const denied = await db.auditEvent.findMany({
      where: { outcome: "denied", action: { in: ["token.list", "token.revoke"] } },
      select: { action: true, details: true },
    });
    expect(denied).toEqual([
      { action: "token.list", details: { permission: "member:list" } },
      { action: "token.revoke", details: { permission: "member:manage" } },
    ]);
  });
});
