// Regression: refused grants thrown as plain Forbidden (granting
// owner to oneself, inviting an owner, a role with secret:reveal) left no
// trace; only PermissionDenied was audited. Every 403 from a domain
// function now leaves exactly one denied event with its reason.
import { beforeAll, describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import * as invitesRoute from "../invites/route";
import * as roleRoute from "../roles/[name]/route";
import * as rolesRoute from "../roles/route";
import * as userResetRoute from "../users/[id]/password-reset/route";
import * as grantsRoute from "./route";

let admin: { id: string; token: string };

beforeAll(async () => {
  const { user } = await createUser("admin@example.com", [{ role: "admin" }]);
  admin = { id: user.id, token: await personalToken(user.id) };
});

async function onlyDenial(action: string, run: () => Promise<{ status: number; body: { error: { message: string } } }>) {
  const before = await db.auditEvent.count();
  const response = await run();
  expect(response.status).toBe(403);
  const events = await db.auditEvent.findMany({
    where: { seq: { gt: BigInt(before) } },
    select: { action: true, outcome: true, actorLabel: true, details: true },
  });
  expect(events).toEqual([
    { action, outcome: "denied", actorLabel: "admin@example.com", details: { reason: response.body.error.message } },
  ]);
  return response.body.error.message;
}

describe("refusals thrown as plain Forbidden are audited once", () => {
  it("granting owner to oneself", async () => {
    const message = await onlyDenial("grant.create", () =>
      call(grantsRoute.POST, { token: admin.token, body: { userId: admin.id, role: "owner" } }),
    );
    expect(message).toMatch(/^you cannot grant 'secret:\w+': you do not hold it yourself$/);
    expect(await db.roleBinding.count({ where: { userId: admin.id, roleId: "role_owner" } })).toBe(0);
  });

  it("inviting an owner as an admin", async () => {
    await onlyDenial("invite.create", () =>
      call(invitesRoute.POST, { token: admin.token, body: { email: "boss@example.com", role: "owner" } }),
    );
    expect(await db.invite.count()).toBe(0);
  });

  it("creating or widening a role with secret:reveal", async () => {
    await onlyDenial("role.create", () =>
      call(rolesRoute.POST, { token: admin.token, body: { name: "revealer", permissions: ["secret:reveal"] } }),
    );
    expect((await call(rolesRoute.POST, { token: admin.token, body: { name: "lister", permissions: ["secret:list"] } })).status).toBe(201);
    await onlyDenial("role.update", () =>
      call(roleRoute.PATCH, {
        token: admin.token,
        params: { name: "lister" },
        method: "PATCH",
        body: { permissions: ["secret:list", "secret:reveal"] },
      }),
    );
  });

  it("resetting one's own password through the admin route", async () => {
    await onlyDenial("member.password_reset_issue", () => call(userResetRoute.POST, { token: admin.token, params: { id: admin.id } }));
  });

  it("a token asking for a scope its user does not hold", async () => {
    const before = await db.auditEvent.count();
    await expect(
      createAccessToken(userActor({ id: admin.id, email: "admin@example.com" }, testContext), { name: "wide", scopes: ["secret:reveal"] }),
    ).rejects.toThrow("scopes: you do not hold 'secret:reveal' yourself");
    expect(await db.auditEvent.findMany({ where: { seq: { gt: BigInt(before) } }, select: { action: true, outcome: true } })).toEqual([
      { action: "token.create", outcome: "denied" },
    ]);
    expect(await db.accessToken.count({ where: { name: "wide" } })).toBe(0);
  });
});
